package cn.parkflow.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What capabilities need of user tasks: find the open one of a process instance, complete it as its user. */
public interface Tasks {

    /** The id of the open task {@code taskKey} of the instance of {@code processKey} under {@code businessKey}. */
    Optional<String> open(String processKey, String businessKey, String taskKey);

    /**
     * Completes a user task as the given user and groups (null groups: the user's own), so that Camunda's
     * authorization checks and task listeners see the caller, as when the portal completes a form.
     */
    void completeAs(String taskId, String userId, List<String> groups, Map<String, Object> variables);

    /** Completes a user task as parkflow itself (no user: the engine's authorization does not apply). */
    void complete(String taskId, Map<String, Object> variables);

    /** An open user task with the variables asked for. */
    record OpenTask(String id, Instant due, Map<String, Object> variables) {}

    /** The open tasks {@code taskKey} of {@code processKey} the user is a candidate for, earliest due first. */
    List<OpenTask> candidateTasks(String processKey, String taskKey, String candidateUser, List<String> variables);

    /** The ids of every open task {@code taskKey} of the instances of {@code processKey} under {@code businessKey}. */
    List<String> openAll(String processKey, String businessKey, String taskKey);

    /** Whether the task is still open. */
    boolean isOpen(String taskId);

    /** An open task assigned to a user, with its instance's business key and the variables asked for. */
    record AssignedTask(String id, String businessKey, Map<String, Object> variables) {}

    /** The open tasks {@code taskKey} of {@code processKey} assigned to {@code assignee}. */
    List<AssignedTask> assignedTo(String processKey, String taskKey, String assignee, List<String> variables);

    /**
     * Hands an open task to another user, as parkflow itself; {@code executionVariables} are set on the task's own
     * execution (the element variable of a multi-instance task), so the instance stays consistent with its assignee.
     */
    void reassign(String taskId, String assignee, Map<String, Object> executionVariables);

    /** Open tasks of the groups (candidate or assigned), and of those the ones due before {@code overdueAt}. */
    record Load(long open, long overdue) {}

    Load load(List<String> candidateGroups, Instant overdueAt);
}
