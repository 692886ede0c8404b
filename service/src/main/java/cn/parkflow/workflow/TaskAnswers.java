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
