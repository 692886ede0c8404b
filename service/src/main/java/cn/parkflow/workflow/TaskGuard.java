package cn.parkflow.workflow;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDescriptionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDueDateCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskNameCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskPriorityCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The engine's trust boundary for people. A participant (any authenticated user who is not an
 * administrator) may do exactly three things to a task, on every path the engine offers (Tasklist,
 * engine REST, parkflow's own API):
 * <ul>
 * <li>claim it for itself, when it is a candidate, and give it back;</li>
 * <li>complete it, when it is the assignee or a candidate of an unassigned task, with the task's own
 * answers only ({@link TaskContract}): any other variable is refused with 400 and the task stays
 * open; the answers are stored on the task itself, and only the ones the process reads are copied
 * onto its execution, so facts (application, carrier, city, assignment, periods) can never be
 * overwritten by a completion and no task shows another participant's answers;</li>
 * <li>set its own follow-up date.</li>
 * </ul>
 * Everything else that changes a task or a variable (assignment or delegation to someone else,
 * candidate links, variables outside completion, BPMN errors and escalations thrown from a task,
 * comments and attachments) is refused with 403. Work the engine does for itself (jobs, timers, the
 * delegates inside a command) runs without a participant and is not checked; only the outermost
 * command of a participant is.
 */
final class TaskGuard {

    private final Map<String, TaskContract> contracts = new HashMap<>();

    TaskGuard(Collection<TaskContract> contracts) {
        for (TaskContract contract : contracts) {
            if (this.contracts.put(contract.taskKey(), contract) != null) {
                throw new IllegalStateException("two contracts for task " + contract.taskKey());
            }
        }
    }

    /** Checks (and, for a completion, rewrites) a participant's command before it runs. */
    void check(Command<?> command, CommandContext context, Authentication user) {
        if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
            complete(command, context, user);
        } else if (command instanceof ClaimTaskCmd) {
            claim(command, context, user);
        } else if (command instanceof AssignTaskCmd) {
            TaskEntity task = task(context, command);
            String assignee = (String) field(command, "userId");
            if (assignee == null) { // Tasklist's "unclaim"
                if (task.getAssignee() != null && !task.getAssignee().equals(user.getUserId())) {
                    throw refused("只能退回本人认领的任务");
                }
            } else if (!user.getUserId().equals(assignee) || !mayWork(task, user)) {
                throw refused("任务只能由本人认领，不能指派给他人");
            }
        } else if (refusedOutright(command)) {
            throw refused("参与者不能修改任务的办理人、候选人、变量或流程（" + command.getClass().getSimpleName() + "）");
        }
    }

    private static boolean refusedOutright(Command<?> command) {
        return command instanceof DelegateTaskCmd || command instanceof SetTaskOwnerCmd
                || command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd
                || command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
                || command instanceof AbstractRemoveVariableCmd || command instanceof HandleTaskBpmnErrorCmd
                || command instanceof HandleTaskEscalationCmd || command instanceof SaveTaskCmd
                || command instanceof DeleteTaskCmd || command instanceof SetTaskDueDateCmd
                || command instanceof SetTaskNameCmd || command instanceof SetTaskDescriptionCmd
                || command instanceof SetTaskPriorityCmd || command instanceof AddCommentCmd
                || command instanceof UpdateCommentCmd || command instanceof CreateAttachmentCmd
                || command.getClass().getName().contains(".batch.variables.");
    }

    private void complete(Command<?> command, CommandContext context, Authentication user) {
        TaskEntity task = task(context, command);
        if (task.getAssignee() != null ? !task.getAssignee().equals(user.getUserId()) : !mayWork(task, user)) {
            throw refused("只有任务的办理人或候选人可以完成此任务");
        }
        String variablesField = command instanceof SubmitTaskFormCmd ? "properties" : "variables";
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) field(command, variablesField);
        if (answers == null || answers.isEmpty()) {
            return;
        }
        TaskContract contract = contracts.get(task.getTaskDefinitionKey());
        Set<String> foreign = new TreeSet<>();
        for (String name : answers.keySet()) {
            if (contract == null || !contract.accepts(name)) {
                foreign.add(name);
            }
        }
        if (!foreign.isEmpty()) {
            throw new BadUserRequestException("此任务不接受以下变量：" + String.join("、", foreign)
                    + (contract == null ? "（此任务不需要填写内容）" : "（只接受本任务的答复：" + String.join("、", new TreeSet<>(contract.answers())) + "）"));
        }
        // the answers stay on the task; what the process reads afterwards goes to the task's execution
        task.setVariablesLocal(answers);
        if (task.getExecution() != null) {
            for (String name : contract.routed()) {
                if (answers.containsKey(name)) {
                    task.getExecution().setVariable(name, task.getVariableLocalTyped(name));
                }
            }
        }
        setField(command, variablesField, command instanceof SubmitTaskFormCmd ? Variables.createVariables() : null);
    }

    private void claim(Command<?> command, CommandContext context, Authentication user) {
        TaskEntity task = task(context, command);
        String claimant = (String) field(command, "userId");
        if (claimant == null) {
            if (task.getAssignee() != null && !task.getAssignee().equals(user.getUserId())) {
                throw refused("只能退回本人认领的任务");
            }
            return;
        }
        if (!claimant.equals(user.getUserId())) {
            throw refused("任务只能由本人认领，不能代他人认领");
        }
        if (!user.getUserId().equals(task.getAssignee()) && !mayWork(task, user)) {
            throw refused("只有任务的候选人可以认领此任务");
        }
    }

    /** Whether the user is a candidate of the task: named, or a member of a candidate group. */
    private static boolean mayWork(TaskEntity task, Authentication user) {
        List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
        for (IdentityLinkEntity link : task.getIdentityLinks()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (user.getUserId().equals(link.getUserId()) || (link.getGroupId() != null && groups.contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    private static TaskEntity task(CommandContext context, Command<?> command) {
        String taskId = (String) field(command, "taskId");
        TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
        if (task == null) {
            throw new BadUserRequestException("任务不存在：" + taskId);
        }
        return task;
    }

    private static AuthorizationException refused(String message) {
        return new AuthorizationException(message);
    }

    /** A field of one of the engine's command objects; failing closed if the engine renamed it. */
    static Object field(Object target, String name) {
        try {
            return declared(target.getClass(), name).get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("engine command " + target.getClass().getName() + " has no field " + name, e);
        }
    }

    private static void setField(Object target, String name, Object value) {
        try {
            declared(target.getClass(), name).set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("engine command " + target.getClass().getName() + " has no field " + name, e);
        }
    }

    private static Field declared(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException next) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
