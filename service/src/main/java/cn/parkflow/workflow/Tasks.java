package cn.parkflow.workflow;

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
}
