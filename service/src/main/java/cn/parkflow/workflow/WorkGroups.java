package cn.parkflow.workflow;

import java.util.List;

/**
 * The groups whose work runs in the engine, declared by the capability that owns the accounts. For each,
 * {@link EngineAccessBootstrap} makes sure at every start that the group exists with the grants its work
 * needs and one saved Tasklist filter (its inbox).
 */
public interface WorkGroups {

    /** What a group reaches: Tasklist only, or Tasklist and Cockpit's read-only monitoring too. */
    enum Reach { TASKLIST, TASKLIST_AND_COCKPIT }

    /**
     * A group: its id and name, what it reaches, and its Tasklist inbox (a saved filter): the group's
     * candidate tasks, or the tasks assigned to the logged-in user ({@code inboxByAssignee}).
     */
    record WorkGroup(String id, String name, Reach reach, String inboxName, String inboxDescription, boolean inboxByAssignee) {}

    /** Every work group, in the order their inboxes are created. */
    List<WorkGroup> groups();

    /** The administrators' group: every webapp and every resource. */
    String adminGroup();
}
