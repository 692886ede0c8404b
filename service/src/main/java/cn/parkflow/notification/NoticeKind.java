package cn.parkflow.notification;

/**
 * What a notice is about, each with its Chinese template ({@code notifications/<template>.txt}: the first line is the
 * subject, the rest the body, {@code ${name}} placeholders) and whether it also goes by SMS to a mobile on record.
 */
public enum NoticeKind {
    TASK_ARRIVED("task-arrived", false),
    CORRECTION_REQUESTED("correction-requested", true),
    ANNUAL_REPORT_REQUESTED("annual-report-requested", false),
    TASK_DUE_SOON("task-due-soon", false),
    TASK_OVERDUE("task-overdue", true),
    TASK_ESCALATED("task-escalated", false),
    PUBLICATION_OPENED("publication-opened", false),
    CERTIFIED("decision-certified", true),
    REJECTED("decision-rejected", true),
    TENANT_DUPLICATE("tenant-duplicate", false);

    private final String template;
    private final boolean sms;

    NoticeKind(String template, boolean sms) {
        this.template = template;
        this.sms = sms;
    }

    String template() {
        return template;
    }

    boolean sms() {
        return sms;
    }
}
