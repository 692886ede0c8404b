package cn.parkflow.certification;

import java.util.Map;

/**
 * The one door through which code outside the process adapters drives the engine: start a
 * certification, finish a correction, deliver an objection. Only its implementation holds
 * Camunda's services (a later move to Operaton touches it and the adapters only).
 */
public interface WorkflowCommands {

    /** Starts the certification process for a submitted application; returns the process instance id. */
    String startCertification(long applicationId, Map<String, Object> variables);

    /** Completes the operator's correction task of the application, so it returns to its reviewer. */
    void completeCorrection(long applicationId, String userId);

    /** Delivers an objection to the publication of {@code subject}; false when no publication is open. */
    boolean deliverObjection(String subject, Map<String, Object> objection);
}
