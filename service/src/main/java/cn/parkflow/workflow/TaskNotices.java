package cn.parkflow.workflow;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Who hears of user tasks. The engine side ({@link TaskDeadlines}) calls every bean of this type when a task arrives,
 * when its reminder timer fires shortly before the due date, and when its overdue timer fires: the boundary timers
 * {@code <TaskId>Reminder} and {@code <TaskId>Overdue} that every user task with a due date carries in its BPMN, so
 * Cockpit shows them. The calls run in the engine's transaction: what a listener writes commits with the step.
 */
public interface TaskNotices {

    /**
     * A user task as the notices need it. {@code variable} reads the task's variables (its own, then its process's)
     * and is valid during the call only.
     */
    record TaskNotice(String taskId, String taskKey, String taskName, String processKey, String processName,
            String businessKey, String assignee, List<String> candidateUsers, List<String> candidateGroups, Instant due,
            Function<String, Object> variable) {

        public TaskNotice {
            candidateUsers = List.copyOf(candidateUsers);
            candidateGroups = List.copyOf(candidateGroups);
        }
    }

    /** A task was created (the assignee or the candidates are to be told). */
    void arrived(TaskNotice task);

    /** The task's reminder timer fired: its due date is {@code parkflow.notify.remind-before} away (or sooner). */
    void dueSoon(TaskNotice task);

    /** The task's overdue timer fired and the task is still open after its due date. */
    void overdue(TaskNotice task);
}
