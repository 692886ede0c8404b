package cn.parkflow.accounts;

import java.util.List;
import java.util.Set;

/**
 * A process that gives experts work declares here where their open work is, so that deactivating an
 * expert hands each open task to another expert drawn from the pool by the same rule (nothing is lost,
 * and nobody picks the work they like). Certification and the benchmark selection implement it.
 */
public interface ExpertSeats {

    /**
     * One open task of an expert: the task, the owner's reference of what it reviews (an application id),
     * how a person names it, what it reviews, and the members of its panel.
     */
    record Seat(String taskId, long reference, String description, ExpertPanel.Subject subject, Set<String> panel) {}

    /** The open tasks of this expert in this capability's processes. */
    List<Seat> openSeats(String expert);

    /** Hands the task to {@code replacement} and records the change where the process keeps its panel. */
    void reassign(Seat seat, String expert, String replacement);
}
