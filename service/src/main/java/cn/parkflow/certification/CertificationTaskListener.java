package cn.parkflow.certification;

import cn.parkflow.accounts.ExpertPanel;
import static cn.parkflow.certification.CertificationProcess.*;

import cn.parkflow.application.ApplicationStatus;
import cn.parkflow.application.ApplicationStages;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import cn.parkflow.registry.FormText;
import cn.parkflow.registry.NationalGrade;
import org.springframework.stereotype.Component;

/**
 * On every user task of the certification: when it is created, the application enters the task's
 * stage and the form's read-only values are refreshed; when it is completed, the outcome is checked
 * (allowed values, required comments, experts without conflict) and written into the timeline.
 */
@Component("certificationTaskListener")
class CertificationTaskListener implements TaskListener {

    private static final Map<String, ApplicationStatus> STAGES = Map.of(
            CITY_SITE_CHECK_TASK, ApplicationStatus.SITE_CHECK,
            CITY_EXPERT_REVIEW_TASK, ApplicationStatus.CITY_EXPERT_REVIEW,
            CITY_REVIEW_TASK, ApplicationStatus.CITY_REVIEW,
            SUPPLEMENT_TASK, ApplicationStatus.CORRECTION_REQUESTED,
            PROVINCE_REVIEW_TASK, ApplicationStatus.PROVINCE_REVIEW,
            EXPERT_REVIEW_TASK, ApplicationStatus.EXPERT_REVIEW,
            DECISION_TASK, ApplicationStatus.DECISION,
            NATIONAL_OUTCOME_TASK, ApplicationStatus.RECOMMENDED);

    private static final java.time.format.DateTimeFormatter DUE_FORMAT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private final ApplicationStages applications;
    private final ExpertPanel experts;
    private final CertificationForms forms;
    private final java.time.Clock clock;

    CertificationTaskListener(ApplicationStages applications, ExpertPanel experts, CertificationForms forms, java.time.Clock clock) {
        this.clock = clock;
        this.applications = applications;
        this.experts = experts;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = Delegates.applicationId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, id);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            if (SUPPLEMENT_TASK.equals(task.getTaskDefinitionKey())) {
                if (!applications.resubmitted(id)) {
                    throw TaskOutcome.invalid("补正须由运营机构修改申报后重新提交（门户或 POST /api/applications/" + id + "/submit），不能直接完成此任务");
                }
                if ("PROVINCE".equals(task.getVariable(RETURNED_BY)) && applications.changedSinceProvinceReturn(id)) {
                    // what the city checked has changed: the corrected application goes through the city again
                    task.getExecution().getProcessInstance().setVariable(RETURNED_BY, "CITY");
                    applications.record(id, "system", "ROUTED_TO_CITY", "补正内容有变更，重新经设区市审核");
                }
            }
            TaskOutcome outcome = TaskOutcome.of(task.getTaskDefinitionKey(), task::getVariable);
            if (PROVINCE_REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
                ApplicationStages.Facts facts = applications.facts(id);
                if (!"PASS".equals(task.getVariable(PROVINCE_CHECK))) {
                    task.getExecution().getProcessInstance().removeVariable(EXPERTS); // no panel is drawn: nobody learns a name
                }
                for (String expert : ExpertNames.of(task.getVariable(EXPERTS))) {
                    String conflict = experts.conflict(expert, CertificationExpertSeats.subject(facts));
                    if (conflict != null) {
                        throw TaskOutcome.invalid(conflict);
                    }
                }
            }
            if (CITY_SITE_CHECK_TASK.equals(task.getTaskDefinitionKey())) {
                siteChecked(task, id);
            }
            if (DECISION_TASK.equals(task.getTaskDefinitionKey()) && "RECOMMEND".equals(task.getVariable(DECISION))) {
                recommended(task, id);
            }
            if (NATIONAL_OUTCOME_TASK.equals(task.getTaskDefinitionKey())) {
                if (!applications.hasDocument(id, cn.parkflow.document.DocumentType.MINISTRY_DECISION)) {
                    throw TaskOutcome.invalid("请先上传国家认定批复文件（POST /api/applications/" + id + "/documents，材料类型 MINISTRY_DECISION）");
                }
                TaskOutcome.Ministry ministry = TaskOutcome.ministry(task::getVariable);
                applications.recordMinistryDecision(id, ministry.approved(), ministry.documentNumber(), ministry.decidedOn());
            }
            if (EXPERT_REVIEW_TASK.equals(task.getTaskDefinitionKey()) || CITY_EXPERT_REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
                applications.recordExpertReview(id, EXPERT_REVIEW_TASK.equals(task.getTaskDefinitionKey()) ? "PROVINCE" : "CITY",
                        actor(task), (Number) task.getVariable(EXPERT_SCORE), (String) task.getVariable(EXPERT_OPINION));
            }
            applications.record(id, actor(task), outcome.action(), outcome.comment());
            if (TaskOutcome.fraud(task.getTaskDefinitionKey(), task::getVariable)) {
                applications.recordFraud(id, actor(task), task.getTaskDefinitionKey(), outcome.comment());
            }
            if (!outcome.remark().isEmpty()) {
                applications.recordInternal(id, actor(task), outcome.remark());
            }
        }
    }

    /**
     * The process's copies of each task's routed answers (TaskContract): cleared when the task opens
     * again, so a form never shows the last round's answer. The answers themselves live on their task.
     */
    private static final Map<String, List<String>> OUTCOMES = Map.of(
            CITY_SITE_CHECK_TASK, List.of(SITE_PASSED, SITE_FINDINGS, CITY_EXPERTS, FRAUD_FOUND),
            CITY_REVIEW_TASK, List.of(CITY_DECISION, CITY_COMMENT, FRAUD_FOUND),
            PROVINCE_REVIEW_TASK, List.of(PROVINCE_CHECK, PROVINCE_COMMENT, EXPERTS, FRAUD_FOUND),
            DECISION_TASK, List.of(DECISION, DECISION_COMMENT, ELIGIBILITY_OVERRIDE, FRAUD_FOUND, NATIONAL_GRADE),
            NATIONAL_OUTCOME_TASK, List.of(MINISTRY_APPROVED, MINISTRY_COMMENT));

    /** The tasks whose forms show the roster check: the city's and the province's own, not the experts' nor the operator's. */
    static final java.util.Set<String> ROSTER_TASKS = java.util.Set.of(CITY_SITE_CHECK_TASK, CITY_REVIEW_TASK, PROVINCE_REVIEW_TASK,
            DECISION_TASK);

    private void created(DelegateTask task, long id) {
        OUTCOMES.getOrDefault(task.getTaskDefinitionKey(), List.of())
                .forEach(name -> task.getExecution().getProcessInstance().removeVariable(name));
        ApplicationStatus stage = STAGES.get(task.getTaskDefinitionKey());
        if (stage != null) {
            applications.enterStage(id, stage);
        }
        // what the form shows lives on the task: the operator's task gets the operator's view only
        task.setVariablesLocal(forms.reviewVariables(id, SUPPLEMENT_TASK.equals(task.getTaskDefinitionKey())));
        if (ROSTER_TASKS.contains(task.getTaskDefinitionKey())) { // tenant data: the city and the province, never the experts
            task.setVariableLocal("rosterMarkdown", forms.rosterMarkdown(id));
        }
        if (SUPPLEMENT_TASK.equals(task.getTaskDefinitionKey())) {
            boolean byProvince = "PROVINCE".equals(task.getVariable(RETURNED_BY));
            task.setVariableLocal("returnedByLabel", byProvince ? "省科技厅退回" : "设区市科技局退回");
            task.setVariableLocal("returnComment", String.valueOf(task.getVariable(byProvince ? PROVINCE_COMMENT : CITY_COMMENT)));
            task.setVariableLocal("dueText", task.getDueDate() == null ? "" : DUE_FORMAT.format(task.getDueDate().toInstant()));
        }
        if (CITY_SITE_CHECK_TASK.equals(task.getTaskDefinitionKey())) {
            ExpertPanel.Subject subject = CertificationExpertSeats.subject(applications.facts(id)).forCityPanel();
            task.setVariableLocal(CITY_EXPERT_OPTIONS, FormText.options(experts.candidates(subject).stream()
                    .map(c -> new FormText.Option(c.value(), c.label())).toList()));
        }
        if (PROVINCE_REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
            ApplicationStages.Facts facts = applications.facts(id); // city and operator for the conflict-free list
            List<ExpertPanel.Candidate> candidates = experts.candidates(CertificationExpertSeats.subject(facts));
            task.setVariableLocal(EXPERT_OPTIONS,
                    FormText.options(candidates.stream().map(c -> new FormText.Option(c.value(), c.label())).toList()));
        }
    }

    /**
     * The site check needs its report on file; the experts the city names (at least three, none in conflict) sit on its
     * panel, and nobody is named when the check failed.
     */
    private void siteChecked(DelegateTask task, long id) {
        TaskOutcome.SiteCheck check = TaskOutcome.siteCheck(task::getVariable);
        if (!applications.hasDocument(id, cn.parkflow.document.DocumentType.SITE_CHECK_REPORT)) {
            throw TaskOutcome.invalid("请先上传现场核查报告及照片（POST /api/applications/" + id + "/documents，材料类型 SITE_CHECK_REPORT）");
        }
        if (!check.passed()) {
            task.getExecution().getProcessInstance().removeVariable(CITY_EXPERTS);
        } else {
            List<String> named = ExpertNames.of(task.getVariable(CITY_EXPERTS));
            if (!named.isEmpty() && new java.util.HashSet<>(named).size() < DEFAULT_EXPERT_COUNT) {
                throw TaskOutcome.invalid("市级专家评审至少需要" + DEFAULT_EXPERT_COUNT + "名不同的专家（" + CITY_EXPERTS + "），或不指定由系统随机抽取");
            }
            ExpertPanel.Subject subject = CertificationExpertSeats.subject(applications.facts(id)).forCityPanel();
            for (String expert : named) {
                String conflict = experts.conflict(expert, subject);
                if (conflict != null) {
                    throw TaskOutcome.invalid(conflict);
                }
            }
        }
        applications.recordSiteCheck(id, new cn.parkflow.application.ApplicationView.SiteCheck(check.date(), check.inspectors(),
                check.findings(), check.passed(), actor(task), clock.instant()));
    }

    /**
     * A national recommendation: under the 2025 rules with its grade, and the province's EXCELLENT recommendations of the
     * year may not exceed ceil(10 % × its graded recommendations of the year), this one included.
     */
    private void recommended(DelegateTask task, long id) {
        NationalGrade grade = GRADED_RULE_SET.equals(task.getVariable(RULE_SET))
                ? NationalGrade.valueOf((String) task.getVariable(NATIONAL_GRADE)) : null;
        if (grade != null) {
            int year = java.time.LocalDate.ofInstant(clock.instant(), cn.parkflow.system.WorkingCalendar.ZONE).getYear();
            ApplicationStages.NationalQuota quota = applications.nationalQuota(year);
            int recommendations = quota.recommended() + 1;
            int limit = ApplicationStages.NationalQuota.excellentLimit(recommendations);
            if (grade == NationalGrade.EXCELLENT && quota.excellent() + 1 > limit) {
                throw TaskOutcome.invalid(year + "年卓越级推荐名额已满：本年度推荐国家级孵化器" + recommendations + "家（含本申报），卓越级至多"
                        + limit + "家（推荐数的10%，向上取整），已推荐卓越级" + quota.excellent() + "家；请按标准级推荐（" + NATIONAL_GRADE + "=STANDARD）");
            }
        }
        applications.recommendNational(id, grade);
    }

    private String actor(DelegateTask task) {
        return cn.parkflow.workflow.TaskAnswers.actor(task);
    }
}
