package cn.parkflow.notification;

import cn.parkflow.identity.Roles;
import cn.parkflow.identity.UserDirectory;
import cn.parkflow.workflow.TaskNotices;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What the people of a user task are told: its assignee, else its candidate users and the members of its candidate
 * groups; a task of an operator account is told to every account of that operator. The operator's correction and
 * annual report have their own wording; an overdue task is also escalated to the province (its reviewers; for the
 * province's own tasks, its approvers).
 */
@Component
class TaskNoticeWriter implements TaskNotices {

    /** The operator's tasks, with their own notices and the portal page where they are done. */
    static final String CORRECTION_TASK = "SupplementTask";
    static final String ANNUAL_REPORT_TASK = "AnnualReportTask";

    private final Notifications notifications;
    private final UserDirectory users;

    TaskNoticeWriter(Notifications notifications, UserDirectory users) {
        this.notifications = notifications;
        this.users = users;
    }

    @Override
    public void arrived(TaskNotice task) {
        NoticeKind kind = switch (task.taskKey()) {
            case CORRECTION_TASK -> NoticeKind.CORRECTION_REQUESTED;
            case ANNUAL_REPORT_TASK -> NoticeKind.ANNUAL_REPORT_REQUESTED;
            default -> NoticeKind.TASK_ARRIVED;
        };
        notifications.send(people(task), kind, values(task), link(task));
    }

    @Override
    public void dueSoon(TaskNotice task) {
        notifications.send(people(task), NoticeKind.TASK_DUE_SOON, values(task), link(task));
    }

    @Override
    public void overdue(TaskNotice task) {
        Collection<String> people = people(task);
        notifications.send(people, NoticeKind.TASK_OVERDUE, values(task), link(task));
        boolean provinceTask = task.candidateGroups().contains(Roles.PROVINCE_REVIEWER) || task.candidateGroups().contains(Roles.PROVINCE_APPROVER);
        Set<String> escalation = new LinkedHashSet<>(notifications.membersOf(List.of(provinceTask ? Roles.PROVINCE_APPROVER : Roles.PROVINCE_REVIEWER)));
        escalation.removeAll(people);
        Map<String, String> values = values(task);
        values.put("holders", holders(task));
        notifications.send(escalation, NoticeKind.TASK_ESCALATED, values, "/camunda/app/cockpit/default/#/dashboard");
    }

    /** Who holds the task: its assignee, else its candidates. */
    Collection<String> people(TaskNotice task) {
        LinkedHashSet<String> people = new LinkedHashSet<>();
        if (task.assignee() != null) {
            people.add(task.assignee());
        } else {
            people.addAll(task.candidateUsers());
            people.addAll(notifications.membersOf(task.candidateGroups()));
        }
        for (String user : List.copyOf(people)) {
            users.operatorCreditCode(user).ifPresent(code -> people.addAll(users.operatorAccounts(code)));
        }
        return people;
    }

    private static String holders(TaskNotice task) {
        List<String> holders = new ArrayList<>();
        if (task.assignee() != null) {
            holders.add(task.assignee());
        }
        holders.addAll(task.candidateGroups());
        holders.addAll(task.candidateUsers());
        return String.join("、", holders);
    }

    private static Map<String, String> values(TaskNotice task) {
        Map<String, String> v = new java.util.HashMap<>();
        v.put("taskName", task.taskName());
        v.put("processName", task.processName() == null ? "" : task.processName());
        Object carrier = task.variable().apply("carrierName");
        v.put("subject", carrier != null ? String.valueOf(carrier) : task.businessKey() == null ? "" : task.businessKey());
        v.put("due", task.due() == null ? "未设定" : Notifications.TIME.format(task.due()));
        Object comment = task.variable().apply("returnComment");
        v.put("returnComment", comment == null ? "" : String.valueOf(comment));
        Object year = task.variable().apply("yearText");
        v.put("yearText", year == null ? "" : String.valueOf(year));
        return v;
    }

    /** Reviewers and experts work in Tasklist; the operator in the portal. */
    private static String link(TaskNotice task) {
        return switch (task.taskKey()) {
            case CORRECTION_TASK -> {
                Object id = task.variable().apply("applicationId");
                yield id == null ? "/portal/index.html" : "/portal/application.html?id=" + id;
            }
            case ANNUAL_REPORT_TASK -> "/portal/report.html?task=" + task.taskId();
            default -> "/camunda/app/tasklist/default/#/?task=" + task.taskId();
        };
    }
}
