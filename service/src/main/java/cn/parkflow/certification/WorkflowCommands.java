package cn.parkflow.certification;

import java.util.List;
import java.util.Map;

/**
 * The one door through which code outside the process adapters drives the engine: start a
 * certification or a benchmark selection, finish a correction, deliver an objection. Only its implementation holds
 * Camunda's services (a later move to Operaton touches it and the adapters only).
 */
public interface WorkflowCommands {

    /** Starts the certification process for a submitted application; returns the process instance id. */
    String startCertification(long applicationId, Map<String, Object> variables);

    /** Completes the operator's correction task of the application, so it returns to its reviewer. */
    void completeCorrection(long applicationId, String userId);

    /** Starts the benchmark selection of a campaign (business key = campaign id); returns the process instance id. */
    String startBenchmarkSelection(long campaignId, Map<String, Object> variables);

    /**
     * Completes a user task as the given user and groups, so that Camunda's authorization checks
     * and task listeners see the caller (the portal's own forms, such as the annual report).
     */
    void completeTaskAs(String taskId, String userId, List<String> groups, Map<String, Object> variables);

    /** Delivers an objection to the publication of {@code subject}; false when no publication is open. */
    boolean deliverObjection(String subject, Map<String, Object> objection);
}
