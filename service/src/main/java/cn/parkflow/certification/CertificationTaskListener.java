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
import org.springframework.stereotype.Component;

/**
 * On every user task of the certification: when it is created, the application enters the task's
 * stage and the form's read-only values are refreshed; when it is completed, the outcome is checked
 * (allowed values, required comments, experts without conflict) and written into the timeline.
 */
@Component("certificationTaskListener")
class CertificationTaskListener implements TaskListener {

    private static final Map<String, ApplicationStatus> STAGES = Map.of(
            CITY_REVIEW_TASK, ApplicationStatus.CITY_REVIEW,
            SUPPLEMENT_TASK, ApplicationStatus.CORRECTION_REQUESTED,
            PROVINCE_REVIEW_TASK, ApplicationStatus.PROVINCE_REVIEW,
            EXPERT_REVIEW_TASK, ApplicationStatus.EXPERT_REVIEW,
            DECISION_TASK, ApplicationStatus.DECISION);

    private static final java.time.format.DateTimeFormatter DUE_FORMAT =
            java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    private final ApplicationStages applications;
    private final ExpertPanel experts;
    private final CertificationForms forms;

    CertificationTaskListener(ApplicationStages applications, ExpertPanel experts, CertificationForms forms) {
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
            if (EXPERT_REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
                applications.recordExpertReview(id, "PROVINCE", actor(task), (Number) task.getVariable(EXPERT_SCORE),
                        (String) task.getVariable(EXPERT_OPINION));
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
            CITY_REVIEW_TASK, List.of(CITY_DECISION, CITY_COMMENT, FRAUD_FOUND),
            PROVINCE_REVIEW_TASK, List.of(PROVINCE_CHECK, PROVINCE_COMMENT, EXPERTS, FRAUD_FOUND),
            DECISION_TASK, List.of(DECISION, DECISION_COMMENT, ELIGIBILITY_OVERRIDE, FRAUD_FOUND));

    private void created(DelegateTask task, long id) {
        OUTCOMES.getOrDefault(task.getTaskDefinitionKey(), List.of())
                .forEach(name -> task.getExecution().getProcessInstance().removeVariable(name));
        ApplicationStatus stage = STAGES.get(task.getTaskDefinitionKey());
        if (stage != null) {
            applications.enterStage(id, stage);
        }
        // what the form shows lives on the task: the operator's task gets the operator's view only
        task.setVariablesLocal(forms.reviewVariables(id, SUPPLEMENT_TASK.equals(task.getTaskDefinitionKey())));
        if (SUPPLEMENT_TASK.equals(task.getTaskDefinitionKey())) {
            boolean byProvince = "PROVINCE".equals(task.getVariable(RETURNED_BY));
            task.setVariableLocal("returnedByLabel", byProvince ? "省科技厅退回" : "设区市科技局退回");
            task.setVariableLocal("returnComment", String.valueOf(task.getVariable(byProvince ? PROVINCE_COMMENT : CITY_COMMENT)));
            task.setVariableLocal("dueText", task.getDueDate() == null ? "" : DUE_FORMAT.format(task.getDueDate().toInstant()));
        }
        if (PROVINCE_REVIEW_TASK.equals(task.getTaskDefinitionKey())) {
            ApplicationStages.Facts facts = applications.facts(id); // city and operator for the conflict-free list
            List<ExpertPanel.Candidate> candidates = experts.candidates(CertificationExpertSeats.subject(facts));
            task.setVariableLocal(EXPERT_OPTIONS,
                    FormText.options(candidates.stream().map(c -> new FormText.Option(c.value(), c.label())).toList()));
        }
    }

    private String actor(DelegateTask task) {
        return cn.parkflow.workflow.TaskAnswers.actor(task);
    }
}
