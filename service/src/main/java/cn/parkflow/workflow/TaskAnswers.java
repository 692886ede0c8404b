package cn.parkflow.workflow;

import java.util.Collection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** What the task listeners share about a reviewer's answer. */
public final class TaskAnswers {

    private TaskAnswers() {}

    /**
     * Declares a task's answer fields on its own execution (empty), so that completing the task sets
     * them there and parallel tasks never share an answer.
     */
    public static void declare(DelegateExecution execution, Collection<String> names) {
        names.forEach(name -> execution.setVariableLocal(name, null));
    }

    /**
     * The execution around a user task whose variables outlive it: the task's own, unless the task is a scope of its
     * own (its reminder and overdue timers make it one), then the execution it runs in, e.g. an event sub-process's.
     */
    public static DelegateExecution enclosing(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        if (execution instanceof org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity entity && entity.isScope()
                && entity.getActivity() != null && entity.getActivity().isScope()
                && task.getTaskDefinitionKey().equals(entity.getActivity().getId()) && entity.getParent() != null) {
            return entity.getParent();
        }
        return execution;
    }

    /** A field's value as stripped text, empty when absent. */
    public static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }

    /** Who completed the task: the authenticated user, else its assignee. */
    public static String actor(DelegateTask task) {
        var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (auth != null && auth.getUserId() != null) {
            return auth.getUserId();
        }
        return task.getAssignee() == null ? "unknown" : task.getAssignee();
    }
}
