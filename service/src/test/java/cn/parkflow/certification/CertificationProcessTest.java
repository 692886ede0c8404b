package cn.parkflow.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code certification.bpmn} with its {@code publication.bpmn} call, on an in-memory
 * engine. Delegates and listeners are stand-ins that record what ran: the routing is under test.
 */
@Deployment(resources = {"certification.bpmn", "publication.bpmn"})
class CertificationProcessTest {

    final cn.parkflow.testsupport.DeadlineTimers deadlines = new cn.parkflow.testsupport.DeadlineTimers();

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    /** Due dates for the BPMN's {@code ${dueDates...}} expressions. */
    public static class FixedDueDates {
        public Date of(String task) {
            return new Date(System.currentTimeMillis() + 86_400_000L);
        }

        public Date correctionDue() {
            return of("SupplementTask");
        }
    }

    final List<String> ran = new ArrayList<>();

    @BeforeEach
    void registerStandIns() {
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(engine.getProcessEngine());
        for (String bean : List.of("evaluateEligibility", "verifyDocuments", "registerCertification", "recordRejection",
                "recordWithdrawal", "closePublication")) {
            Mocks.register(bean, (JavaDelegate) execution -> ran.add(execution.getCurrentActivityId()));
        }
        Mocks.register("openPublication", (JavaDelegate) execution -> { // as the real one: the period's end, the timer's date
            ran.add(execution.getCurrentActivityId());
            execution.setVariable("publicationEnd", java.time.Instant.now().plus(java.time.Duration.ofDays(7)).toString());
        });
        Mocks.register("selectExperts", (JavaDelegate) execution -> {
            ran.add(execution.getCurrentActivityId());
            boolean city = "SelectCityExperts".equals(execution.getCurrentActivityId());
            String panel = city ? "cityExperts" : "experts";
            if (!(execution.getVariable(panel) instanceof List<?>)) {
                execution.setVariable(panel, new ArrayList<>(city ? List.of("expert7", "expert8", "expert9") : List.of("expert2", "expert3", "expert4")));
            }
        });
        Mocks.register("certificationTaskListener", (TaskListener) task -> ran.add(task.getEventName() + ":" + task.getTaskDefinitionKey()));
        // as the application's publication handler answers: an upheld objection ends the publication
        Mocks.register("objectionTaskListener", (TaskListener) task -> {
            ran.add(task.getEventName() + ":" + task.getTaskDefinitionKey());
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                cn.parkflow.workflow.TaskAnswers.enclosing(task).setVariableLocal("objectionEndsPublication", task.getVariable("objectionUpheld"));
            }
        });
        Mocks.register("dueDates", new FixedDueDates());
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    String level = "PROVINCIAL";

    ProcessInstance submit() {
        Map<String, Object> v = new HashMap<>();
        v.put("applicationId", 42L);
        v.put("applicant", "applicant1");
        v.put("cityGroup", "city-320100");
        v.put("returnedBy", "NONE");
        v.put("correctionPeriod", "P15D");
        v.put("publicationPeriod", "P7D");
        v.put("publicationSubject", "APPLICATION-42");
        v.put("level", level);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("certification", "42", v);
        assertThat(instance).isWaitingAt("EligibilityDecision");
        execute(job());
        return instance;
    }

    /** Submitted, site-checked and scored by the city's three experts: the application waits for the city's review. */
    ProcessInstance submitToCityReview() {
        ProcessInstance instance = submit();
        cityOwnReview(instance, "SUPPORT", "SUPPORT", "SUPPORT");
        assertThat(instance).isWaitingAt("CityReviewTask");
        return instance;
    }

    /** The site check passes (the city names no experts) and the city's drawn experts score. */
    void cityOwnReview(ProcessInstance instance, String... opinions) {
        assertThat(instance).isWaitingAt("CitySiteCheckTask");
        assertThat(task(instance, "CitySiteCheckTask")).hasCandidateGroup("city-320100");
        complete(instance, "CitySiteCheckTask", "siteCheckDate", "2026-03-02", "siteInspectors", "张三、李四", "siteFindings", "场地与申报一致",
                "sitePassed", true);
        runJobs(instance);
        List<Task> experts = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("CityExpertReviewTask").list();
        assertThat(experts).extracting(Task::getAssignee).containsExactlyInAnyOrder("expert7", "expert8", "expert9");
        for (int i = 0; i < experts.size(); i++) {
            taskService().complete(experts.get(i).getId(), Map.of("expertScore", 75 + i, "expertOpinion", opinions[i], "expertComment", "意见"));
        }
    }

    static Task task(ProcessInstance instance, String key) {
        List<Task> tasks = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
        assertThat(tasks).as("open %s", key).hasSize(1);
        return tasks.get(0);
    }

    static void complete(ProcessInstance instance, String key, Object... pairs) {
        Map<String, Object> v = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            v.put((String) pairs[i], pairs[i + 1]);
        }
        taskService().complete(task(instance, key).getId(), v);
    }

    static void runJobs(ProcessInstance instance) {
        // async steps of the instance and of its publication call
        for (int guard = 0; guard < 10; guard++) {
            List<Job> asyncs = jobQuery().messages().list();
            if (asyncs.isEmpty()) {
                return;
            }
            asyncs.forEach(j -> execute(j));
        }
    }

    static ProcessInstance publication(ProcessInstance parent) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(parent.getId()).singleResult();
    }

    /** City recommends, province passes, experts score, approver approves: the application reaches publication. */
    ProcessInstance toPublication(Object... expertOpinions) {
        ProcessInstance instance = submitToCityReview();
        assertThat(task(instance, "CityReviewTask")).hasCandidateGroup("city-320100");
        complete(instance, "CityReviewTask", "cityDecision", "RECOMMEND");
        assertThat(task(instance, "ProvinceReviewTask")).hasCandidateGroup("province-reviewer");
        complete(instance, "ProvinceReviewTask", "provinceCheck", "PASS");
        runJobs(instance);
        List<Task> experts = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("ExpertReviewTask").list();
        assertThat(experts).extracting(Task::getAssignee).containsExactlyInAnyOrder("expert2", "expert3", "expert4");
        for (int i = 0; i < experts.size(); i++) {
            Object opinion = expertOpinions.length > i ? expertOpinions[i] : "SUPPORT";
            taskService().complete(experts.get(i).getId(), Map.of("expertScore", 80 + i, "expertOpinion", opinion, "expertComment", "意见"));
        }
        assertThat(task(instance, "DecisionTask")).hasCandidateGroup("province-approver");
        complete(instance, "DecisionTask", "decision", level.equals("NATIONAL") ? "RECOMMEND" : "APPROVE", "decisionComment", "同意");
        assertThat(instance).isWaitingAt("Publication");
        runJobs(instance);
        ProcessInstance publication = publication(instance);
        assertThat(publication).isWaitingAt("PublicationTimer");
        assertThat(ran).contains("OpenPublication");
        return instance;
    }

    void endPublicationPeriod(ProcessInstance instance) {
        Job timer = jobQuery().processInstanceId(publication(instance).getId()).activityId("PublicationTimer").timers().singleResult();
        execute(timer);
        runJobs(instance);
    }

    void objectTo(ProcessInstance instance) {
        runtimeService().createMessageCorrelation("ObjectionReceived")
                .processInstanceVariableEquals("publicationSubject", "APPLICATION-42")
                .setVariablesLocal(Map.of("objectionId", 7L, "objectorName", "张三", "objectionText", "场地面积不实"))
                .correlateAllWithResult();
    }

    @Test
    void straightApprovalEndsCertified() {
        ProcessInstance instance = toPublication();
        endPublicationPeriod(instance);
        assertThat(instance).isEnded().hasPassed("VerifyDocuments", "RegisterCertification", "CertifiedEndEvent");
        assertThat(ran).containsSubsequence("EligibilityDecision", "create:CitySiteCheckTask", "complete:CitySiteCheckTask",
                "SelectCityExperts", "complete:CityExpertReviewTask", "create:CityReviewTask", "complete:CityReviewTask",
                "create:ProvinceReviewTask", "SelectExperts", "create:DecisionTask", "OpenPublication", "ClosePublicationClear",
                "VerifyDocuments", "RegisterCertification");
        assertThat(ran).doesNotContain("create:ObjectionTask", "RecordCityRejection");
    }

    @Test
    void publicationWithoutObjectionCertifiesAtTheEndOfThePeriod() {
        ProcessInstance instance = toPublication();
        assertThat(taskQuery().taskDefinitionKey("ObjectionTask").count()).isZero();
        assertThat(instance).isNotEnded();
        endPublicationPeriod(instance);
        assertThat(instance).isEnded().hasPassed("CertifiedEndEvent");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("publicationOutcome").singleResult().getValue()).isEqualTo("CLEAR");
    }

    @Test
    void cityReturnsThenOperatorResubmitsToTheCity() {
        ProcessInstance instance = submitToCityReview();
        complete(instance, "CityReviewTask", "cityDecision", "RETURN", "cityComment", "补充租赁合同");
        assertThat(task(instance, "SupplementTask")).isAssignedTo("applicant1");
        assertThat(runtimeService().getVariable(instance.getId(), "returnedBy")).isEqualTo("CITY");
        complete(instance, "SupplementTask");
        assertThat(instance).isWaitingAt("EligibilityDecision");
        execute(job());
        // the site check and the city's experts are done: the corrected application goes straight to the city's review
        assertThat(instance).isWaitingAt("CityReviewTask");
        assertThat(ran.stream().filter("EligibilityDecision"::equals)).hasSize(2);
        assertThat(ran.stream().filter("create:CitySiteCheckTask"::equals)).hasSize(1);
        assertThat(ran.stream().filter("SelectCityExperts"::equals)).hasSize(1);
    }

    @Test
    void cityReturnsThenOperatorLetsCorrectionLapse() {
        ProcessInstance instance = submitToCityReview();
        complete(instance, "CityReviewTask", "cityDecision", "RETURN", "cityComment", "补充材料");
        Job timer = jobQuery().processInstanceId(instance.getId()).activityId("CorrectionTimer").timers().singleResult();
        assertThat(timer).isNotNull();
        execute(timer);
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("CorrectionTimer", "RecordWithdrawal", "WithdrawnEndEvent");
        assertThat(taskQuery().taskDefinitionKey("SupplementTask").count()).isZero();
    }

    @Test
    void theCityReviewRemindsThenReportsOverdueAndStaysOpen() {
        ProcessInstance instance = submitToCityReview();
        Job reminder = jobQuery().processInstanceId(instance.getId()).activityId("CityReviewTaskReminder").singleResult();
        Job overdue = jobQuery().processInstanceId(instance.getId()).activityId("CityReviewTaskOverdue").singleResult();
        assertThat(reminder.getDuedate()).isBefore(overdue.getDuedate()); // an hour before the due date (DeadlineTimers)
        execute(reminder);
        execute(overdue);
        assertThat(deadlines.sent).containsExactly("CityReviewTaskReminderSent", "CityReviewTaskOverdueSent");
        assertThat(instance).isWaitingAt("CityReviewTask").hasPassed("CityReviewTaskReminder", "CityReviewTaskOverdue");
        complete(instance, "CityReviewTask", "cityDecision", "REJECT", "cityComment", "不符合条件");
        runJobs(instance);
        assertThat(instance).isEnded();
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("the timers end with their task").isZero();
    }

    @Test
    void cityRejects() {
        ProcessInstance instance = submitToCityReview();
        complete(instance, "CityReviewTask", "cityDecision", "REJECT", "cityComment", "不符合条件");
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("RecordCityRejection", "CityRejectedEndEvent").hasNotPassed("ProvinceReviewTask");
    }

    @Test
    void provinceReturnsThenCorrectionGoesBackToTheProvince() {
        ProcessInstance instance = submitToCityReview();
        complete(instance, "CityReviewTask", "cityDecision", "RECOMMEND");
        complete(instance, "ProvinceReviewTask", "provinceCheck", "RETURN", "provinceComment", "补充审计报告");
        assertThat(task(instance, "SupplementTask")).isAssignedTo("applicant1");
        complete(instance, "SupplementTask");
        execute(job());
        assertThat(instance).isWaitingAt("ProvinceReviewTask");
        assertThat(taskQuery().taskDefinitionKey("CityReviewTask").count()).isZero();
    }

    @Test
    void provinceRejects() {
        ProcessInstance instance = submitToCityReview();
        complete(instance, "CityReviewTask", "cityDecision", "RECOMMEND");
        complete(instance, "ProvinceReviewTask", "provinceCheck", "REJECT", "provinceComment", "材料不实");
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("RecordProvinceRejection", "ProvinceRejectedEndEvent");
    }

    @Test
    void provinceNamesTheExperts() {
        ProcessInstance instance = submitToCityReview();
        complete(instance, "CityReviewTask", "cityDecision", "RECOMMEND");
        complete(instance, "ProvinceReviewTask", "provinceCheck", "PASS", "experts", new ArrayList<>(List.of("expert5", "expert6", "expert1")));
        runJobs(instance);
        assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("ExpertReviewTask").list())
                .extracting(Task::getAssignee).containsExactlyInAnyOrder("expert5", "expert6", "expert1");
    }

    @Test
    void expertsSplitStillReachTheApprover() {
        ProcessInstance instance = toPublication("SUPPORT", "OPPOSE", "SUPPORT");
        assertThat(instance).hasPassed("DecisionTask");
        assertThat(ran.stream().filter("complete:ExpertReviewTask"::equals)).hasSize(3);
    }

    @Test
    void approverRejects() {
        ProcessInstance instance = submitToCityReview();
        complete(instance, "CityReviewTask", "cityDecision", "RECOMMEND");
        complete(instance, "ProvinceReviewTask", "provinceCheck", "PASS");
        runJobs(instance);
        taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("ExpertReviewTask").list().forEach(t -> taskService()
                .complete(t.getId(), Map.of("expertScore", 40, "expertOpinion", "OPPOSE", "expertComment", "不足")));
        complete(instance, "DecisionTask", "decision", "REJECT", "decisionComment", "不予认定");
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("RecordDecisionRejection", "DecisionRejectedEndEvent").hasNotPassed("Publication");
    }

    @Test
    void upheldObjectionEndsRejected() {
        ProcessInstance instance = toPublication();
        objectTo(instance);
        Task objection = task(publication(instance), "ObjectionTask");
        assertThat(objection).hasCandidateGroup("province-reviewer");
        assertThat(taskService().getVariable(objection.getId(), "objectorName")).isEqualTo("张三");
        taskService().complete(objection.getId(), Map.of("objectionUpheld", true, "objectionReply", "经核实，异议成立"));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("RecordObjectionRejection", "ObjectionUpheldEndEvent").hasNotPassed("RegisterCertification");
        assertThat(ran).contains("ClosePublicationUpheld").doesNotContain("ClosePublicationClear");
    }

    @Test
    void dismissedObjectionLetsThePeriodEndCertified() {
        ProcessInstance instance = toPublication();
        objectTo(instance);
        taskService().complete(task(publication(instance), "ObjectionTask").getId(),
                Map.of("objectionUpheld", false, "objectionReply", "异议不成立"));
        assertThat(publication(instance)).isWaitingAt("PublicationTimer");
        endPublicationPeriod(instance);
        assertThat(instance).isEnded().hasPassed("RegisterCertification", "CertifiedEndEvent");
    }

    @Test
    void anObjectionStillOpenWhenThePeriodEndsIsDecidedFirst() {
        ProcessInstance instance = toPublication();
        objectTo(instance);
        endPublicationPeriod(instance);
        assertThat(instance).isNotEnded();
        Task objection = task(publication(instance), "ObjectionTask");
        taskService().complete(objection.getId(), Map.of("objectionUpheld", false, "objectionReply", "不成立"));
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("CertifiedEndEvent");
    }

    @Test
    void aNationalRecommendationIsPublishedThenWaitsForTheMinistryWhoseApprovalCertifies() {
        level = "NATIONAL";
        ProcessInstance instance = toPublication();
        endPublicationPeriod(instance);
        assertThat(instance).isWaitingAt("NationalOutcomeTask").hasNotPassed("VerifyDocuments");
        assertThat(ran).doesNotContain("RegisterCertification");
        assertThat(task(instance, "NationalOutcomeTask")).hasCandidateGroup("province-reviewer");
        complete(instance, "NationalOutcomeTask", "ministryApproved", true, "ministryDocumentNumber", "工信部科函〔2026〕12号",
                "ministryDecisionDate", "2026-11-20");
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("NationalOutcomeTask", "NationalOutcomeGateway", "VerifyDocuments", "RegisterCertification",
                "CertifiedEndEvent");
    }

    @Test
    void aNationalRecommendationTheMinistryRefusesEndsRejectedOutsideTheRegistry() {
        level = "NATIONAL";
        ProcessInstance instance = toPublication();
        endPublicationPeriod(instance);
        complete(instance, "NationalOutcomeTask", "ministryApproved", false, "ministryDecisionDate", "2026-11-20", "ministryComment", "未入选");
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("RecordNationalRejection", "NationalRejectedEndEvent").hasNotPassed("RegisterCertification");
    }

    @Test
    void aProvincialApprovalGoesStraightToTheRegistryAfterItsPublication() {
        ProcessInstance instance = toPublication();
        endPublicationPeriod(instance);
        assertThat(instance).isEnded().hasPassed("NationalTrackGateway", "RegisterCertification").hasNotPassed("NationalOutcomeTask");
    }

    @Test
    void aFailedSiteCheckEndsRejectedBeforeAnyCityExpert() {
        ProcessInstance instance = submit();
        complete(instance, "CitySiteCheckTask", "siteCheckDate", "2026-03-02", "siteInspectors", "张三", "siteFindings", "场地大部分空置",
                "sitePassed", false);
        runJobs(instance);
        assertThat(instance).isEnded().hasPassed("RecordSiteCheckRejection", "SiteCheckRejectedEndEvent")
                .hasNotPassed("SelectCityExperts", "CityExpertReviewTask", "CityReviewTask");
    }

    @Test
    void theCityReviewWaitsForEveryCityExpert() {
        ProcessInstance instance = submit();
        complete(instance, "CitySiteCheckTask", "siteCheckDate", "2026-03-02", "siteInspectors", "张三", "siteFindings", "一致",
                "sitePassed", true, "cityExperts", new ArrayList<>(List.of("expert1", "expert5", "expert6")));
        runJobs(instance);
        List<Task> experts = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("CityExpertReviewTask").list();
        assertThat(experts).extracting(Task::getAssignee).containsExactlyInAnyOrder("expert1", "expert5", "expert6");
        taskService().complete(experts.get(0).getId(), Map.of("expertScore", 80, "expertOpinion", "SUPPORT", "expertComment", "好"));
        taskService().complete(experts.get(1).getId(), Map.of("expertScore", 70, "expertOpinion", "OPPOSE", "expertComment", "一般"));
        assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("CityReviewTask").count()).isZero();
        taskService().complete(experts.get(2).getId(), Map.of("expertScore", 90, "expertOpinion", "SUPPORT", "expertComment", "好"));
        assertThat(instance).isWaitingAt("CityReviewTask");
        assertThat(runtimeService().getVariable(instance.getId(), "cityOwnReviewDone")).isEqualTo(true);
    }

    @Test
    void everyUserTaskHasAFormAndADueDate() {
        ProcessInstance instance = submit();
        Task siteCheck = taskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
        assertThat(siteCheck.getDueDate()).isNotNull();
        assertThat(siteCheck.getCamundaFormRef().getKey()).isEqualTo("CitySiteCheckForm");
        cityOwnReview(instance, "SUPPORT", "OPPOSE", "SUPPORT");
        Task city = taskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
        assertThat(city.getDueDate()).isNotNull();
        assertThat(city.getCamundaFormRef()).isNotNull();
        assertThat(city.getCamundaFormRef().getKey()).isEqualTo("CityReviewForm");
    }
}
