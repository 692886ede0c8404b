package cn.parkflow.workflow;

import java.util.Map;
import java.util.Optional;

/** What capabilities need of running processes: start one, and deliver a message to the instances waiting for it. */
public interface Processes {

    /** Starts the latest version of {@code processKey} under {@code businessKey}; returns the process instance id. */
    String start(String processKey, String businessKey, Map<String, Object> variables);

    /**
     * Delivers {@code message} to every instance waiting for it whose process variable {@code variable}
     * equals {@code value}, leaving {@code variables} on the receiving scope; false when none waits.
     */
    boolean deliver(String message, String variable, Object value, Map<String, Object> variables);

    /** Starts the process whose start event waits for {@code message}; returns the process instance id. */
    String startByMessage(String message, String businessKey, Map<String, Object> variables);

    /** A variable of a running process instance; empty when it has ended or has no such variable. */
    Optional<Object> variable(String processInstanceId, String name);
}
