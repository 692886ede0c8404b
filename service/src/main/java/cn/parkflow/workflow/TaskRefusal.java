package cn.parkflow.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task completion the process contract refuses. Thrown from a task listener, the engine's REST API (and
 * so Tasklist) answers 400 with the message, and the task stays open.
 */
public final class TaskRefusal {

    private TaskRefusal() {}

    public static RuntimeException of(String message) {
        return new BadUserRequestException(message);
    }

    /** Whether {@code e} is such a refusal (the portal's own forms answer it as a 400 too). */
    public static boolean is(Throwable e) {
        return e instanceof BadUserRequestException;
    }
}
