package cn.parkflow.application;

import cn.parkflow.identity.Caller;
import java.util.Set;

/**
 * Need to know on an application's timeline. The operator reads the decisions and the comments
 * meant for it; it never reads who objected, which experts review it or what each of them scored
 * and wrote, or the reviewers' internal remarks. Reviewers read everything.
 */
final class Timeline {

    /** A reviewer's internal remark (the form's 内部备注). */
    static final String INTERNAL_REMARK = "INTERNAL_REMARK";

    private static final Set<String> EXPERT_OPINIONS = Set.of("EXPERT_SUPPORT", "EXPERT_OPPOSE", "CITY_EXPERT_SUPPORT",
            "CITY_EXPERT_OPPOSE");

    private Timeline() {}

    /** Whether the caller reads the application as its operator only (not also as one of its reviewers). */
    static boolean operatorOnly(Caller caller, boolean isOperator) {
        return isOperator && !caller.isAdmin() && !caller.isProvince() && caller.reviewedCities().isEmpty();
    }

    /** The entry as the operator sees it, or null when it is not meant for the operator at all. */
    static ApplicationView.TimelineEntry forOperator(ApplicationView.TimelineEntry e) {
        if (INTERNAL_REMARK.equals(e.action())) {
            return null;
        }
        if (EXPERT_OPINIONS.contains(e.action())) {
            return new ApplicationView.TimelineEntry(e.at(), "评审专家", e.action(), "一位评审专家已提交评审意见");
        }
        return switch (e.action()) {
            case "EXPERTS_ASSIGNED" -> new ApplicationView.TimelineEntry(e.at(), e.actor(), e.action(), "已确定评审专家");
            case "CITY_EXPERTS_ASSIGNED" -> new ApplicationView.TimelineEntry(e.at(), e.actor(), e.action(), "已确定市级评审专家");
            case "EXPERT_REPLACED" -> new ApplicationView.TimelineEntry(e.at(), e.actor(), e.action(), "评审专家有调整");
            case "OBJECTION_RECEIVED" -> new ApplicationView.TimelineEntry(e.at(), e.actor(), e.action(), "收到异议");
            default -> e;
        };
    }
}
