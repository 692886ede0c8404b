package cn.parkflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * Every path of {@code carrier-evaluation.bpmn} (one carrier's year) on an in-memory engine: a report
 * already imported goes straight to rating; otherwise the operators get 报送年度报告 and the carrier is
 * rated when they file it or when the report period runs out. Delegates are stand-ins that record what ran.
 */
@Deployment(resources = "carrier-evaluation.bpmn")
class CarrierEvaluationProcessTest {

    final cn.parkflow.testsupport.DeadlineTimers deadlines = new cn.parkflow.testsupport.DeadlineTimers();

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final List<String> ran = new ArrayList<>();

    @BeforeEach
    void registerStandIns() {
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(engine.getProcessEngine());
        Mocks.register("prepareCarrierEvaluation", (JavaDelegate) execution -> {
            ran.add("prepare");
            execution.setVariable(EvaluationProcess.HAS_REPORT, execution.getVariable("imported"));
            execution.setVariable("operatorUsers", List.of("applicant1", "applicant3"));
        });
        Mocks.register("rateCarrier", (JavaDelegate) execution -> ran.add("rate:" + execution.getVariable(EvaluationProcess.CARRIER_ID)));
        Mocks.register("evaluationTaskListener", (TaskListener) task -> ran.add(task.getEventName() + ":" + task.getTaskDefinitionKey()));
        Mocks.register("dueDates", new ProcessHarness.FixedDueDates());
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance start(long carrier, boolean imported) {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(EvaluationProcess.CARRIER_KEY,
                EvaluationProcess.carrierBusinessKey(2026, carrier), Map.of(EvaluationProcess.YEAR, 2026,
                        EvaluationProcess.CARRIER_ID, carrier, EvaluationProcess.REPORT_PERIOD, "P30D", "imported", imported));
        assertThat(ran).startsWith("prepare");
        return instance;
    }

    @Test
    void anImportedReportIsRatedWithoutAskingTheOperator() {
        ProcessInstance instance = start(1L, true);
        assertThat(instance).isWaitingAt("RateCarrier");
        ProcessHarness.runAsyncJobs();
        assertThat(instance).isEnded().hasPassed("ReportGateway", "RateGateway", "CarrierRatedEndEvent").hasNotPassed("AnnualReportTask");
        assertThat(ran).containsExactly("prepare", "rate:1");
    }

    @Test
    void theOperatorsFileTheReportAndTheCarrierIsRated() {
        ProcessInstance instance = start(2L, false);
        assertThat(instance).isWaitingAt("AnnualReportTask");
        Task task = taskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task).hasCandidateUser("applicant1").hasCandidateUser("applicant3");
        assertThat(task.getDueDate()).isNotNull();
        taskService().complete(task.getId(), Map.of("tenantCount", 60));
        ProcessHarness.runAsyncJobs();
        assertThat(instance).isEnded().hasPassed("AnnualReportTask", "RateCarrier");
        assertThat(ran).containsExactly("prepare", "create:AnnualReportTask", "complete:AnnualReportTask", "rate:2");
    }

    @Test
    void withoutAReportByTheDeadlineTheCarrierIsRatedAsItStands() {
        ProcessInstance instance = start(3L, false);
        assertThat(instance).isWaitingAt("AnnualReportTask");
        execute(jobQuery().processInstanceId(instance.getId()).activityId("ReportDeadlineTimer").timers().singleResult());
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).as("the report task is withdrawn").isZero();
        ProcessHarness.runAsyncJobs();
        assertThat(instance).isEnded().hasPassed("ReportDeadlineTimer", "RateCarrier");
        assertThat(ran).containsExactly("prepare", "create:AnnualReportTask", "rate:3");
    }
}
