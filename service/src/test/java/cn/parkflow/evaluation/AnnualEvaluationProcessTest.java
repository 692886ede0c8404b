package cn.parkflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code annual-evaluation.bpmn} on an in-memory engine: started by the province (message) or by
 * the yearly timer, once per year (a second timer start of a registered year ends at once), carriers rated in
 * batches, one confirmation per city, one revocation decision per second consecutive D, or none. The
 * delegates are stand-ins that record what ran; the batch and carrier processes run for real with stand-ins.
 */
class AnnualEvaluationProcessTest {

    final cn.parkflow.testsupport.DeadlineTimers deadlines = new cn.parkflow.testsupport.DeadlineTimers();

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    /** The yearly timer's cycle, as {@code EvaluationSchedule} gives it. */
    public static class Schedule {
        public String cron() {
            return "0 0 2 10 1 ?";
        }
    }

    /** The city's candidate group, as {@code EvaluationRuns.cityGroup} gives it. */
    public static class Runs {
        public String cityGroup(String city) {
            return "city-" + city;
        }
    }

    final List<String> ran = Collections.synchronizedList(new ArrayList<>());
    List<Object> revocations = List.of();
    boolean alreadyRegistered;
    String deployment;

    @BeforeEach
    void deployWithStandIns() {
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(engine.getProcessEngine());
        Mocks.register("evaluationSchedule", new Schedule());
        Mocks.register("evaluationRuns", new Runs());
        Mocks.register("dueDates", new ProcessHarness.FixedDueDates());
        Mocks.register("taskDeadlines", deadlines);
        Mocks.register("registerScheduledRun", (JavaDelegate) execution -> {
            ran.add("register");
            execution.setVariable("registered", !alreadyRegistered);
            execution.setVariable(EvaluationProcess.YEAR, 2025);
            execution.setVariable(EvaluationProcess.REPORT_PERIOD, "P30D");
        });
        Mocks.register("selectEvaluatedCarriers", (JavaDelegate) execution -> {
            ran.add("select");
            execution.setVariable(EvaluationProcess.CARRIER_BATCHES, new ArrayList<>(List.of(
                    new ArrayList<>(List.of(1L, 2L)), new ArrayList<>(List.of(3L)))));
            execution.setVariable(EvaluationProcess.CARRIER_COUNT, 3);
        });
        Mocks.register("prepareCarrierEvaluation", (JavaDelegate) execution -> execution.setVariable(EvaluationProcess.HAS_REPORT, true));
        Mocks.register("rateCarrier", (JavaDelegate) execution -> ran.add("rate:" + execution.getVariable(EvaluationProcess.CARRIER_ID)));
        Mocks.register("prepareCityConfirmation", (JavaDelegate) execution -> {
            ran.add("prepare");
            execution.setVariable(EvaluationProcess.CITIES, new ArrayList<>(List.of("320100", "320500")));
        });
        Mocks.register("selectRevocations", (JavaDelegate) execution -> {
            ran.add("revocations");
            execution.setVariable(EvaluationProcess.REVOCATIONS, new ArrayList<>(revocations));
        });
        Mocks.register("finishEvaluation", (JavaDelegate) execution -> ran.add("finish"));
        Mocks.register("evaluationTaskListener", (TaskListener) task -> ran.add(task.getEventName() + ":" + task.getTaskDefinitionKey()));
        // deployed here, after the stand-ins exist: the start timer's cycle is an expression read at deployment
        deployment = repositoryService().createDeployment().addClasspathResource("annual-evaluation.bpmn")
                .addClasspathResource("carrier-evaluation-batch.bpmn").addClasspathResource("carrier-evaluation.bpmn").deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repositoryService().deleteDeployment(deployment, true);
        Mocks.reset();
    }

    ProcessInstance requested() {
        ProcessInstance instance = runtimeService().startProcessInstanceByMessage(EvaluationProcess.START_MESSAGE,
                EvaluationProcess.businessKey(2025), Map.of(EvaluationProcess.YEAR, 2025, EvaluationProcess.REPORT_PERIOD, "P30D"));
        assertThat(instance).isWaitingAt("SelectCarriers");
        return instance;
    }

    void confirmCities(ProcessInstance instance) {
        List<Task> cities = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(EvaluationProcess.CITY_CONFIRM_TASK).list();
        assertThat(cities).hasSize(2);
        assertThat(cities.get(0)).satisfiesAnyOf(t -> assertThat(t).hasCandidateGroup("city-320100"),
                t -> assertThat(t).hasCandidateGroup("city-320500"));
        cities.forEach(t -> taskService().complete(t.getId(), Map.of(EvaluationProcess.CONFIRM_DECISION, "CONFIRM")));
        ProcessHarness.runAsyncJobs();
    }

    @Test
    void theProvinceStartsARunThatRatesInBatchesAndEachCityConfirmsWithoutRevocations() {
        ProcessInstance instance = requested();
        ProcessHarness.runAsyncJobs();
        List<HistoricProcessInstance> batches = historyService().createHistoricProcessInstanceQuery()
                .superProcessInstanceId(instance.getId()).list();
        assertThat(batches).extracting(HistoricProcessInstance::getBusinessKey).containsExactlyInAnyOrder("EVAL-2025-B1", "EVAL-2025-B2");
        assertThat(ran).contains("rate:1", "rate:2", "rate:3", "prepare");
        assertThat(instance).isWaitingAt("CityConfirmTask");
        confirmCities(instance);
        assertThat(instance).isEnded().hasPassed("ManualStartEvent", "SelectRevocations", "FinishEvaluation", "EvaluationFinishedEndEvent")
                .hasNotPassed("RevocationTask", "RegisterScheduledRun");
        assertThat(ran).endsWith("revocations", "finish");
    }

    @Test
    void aSecondConsecutiveDGoesToTheApproverOncePerCarrier() {
        revocations = List.of("7", "8");
        ProcessInstance instance = requested();
        ProcessHarness.runAsyncJobs();
        confirmCities(instance);
        List<Task> decisions = taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(EvaluationProcess.REVOCATION_TASK).list();
        assertThat(decisions).hasSize(2).allSatisfy(t -> assertThat(t).hasCandidateGroup("province-approver"));
        assertThat(decisions).extracting(t -> taskService().getVariable(t.getId(), EvaluationProcess.REVOCATION_CARRIER))
                .containsExactlyInAnyOrder("7", "8");
        decisions.forEach(t -> taskService().complete(t.getId(), Map.of(EvaluationProcess.REVOKE, "true")));
        ProcessHarness.runAsyncJobs();
        assertThat(instance).isEnded().hasPassed("RevocationTask", "FinishEvaluation");
    }

    @Test
    void theYearlyTimerStartsTheRunOfTheYearItRegisters() {
        execute(jobQuery().timers().activityId("ScheduledStartEvent").processDefinitionKey(EvaluationProcess.KEY).singleResult());
        ProcessInstance instance = runtimeService().createProcessInstanceQuery().processDefinitionKey(EvaluationProcess.KEY).singleResult();
        assertThat(instance).isWaitingAt("RegisterScheduledRun");
        ProcessHarness.runAsyncJobs();
        assertThat(ran).startsWith("register", "select");
        assertThat(instance).hasPassed("ScheduledStartEvent", "RegisteredGateway", "RunStartGateway").isWaitingAt("CityConfirmTask");
        assertThat(jobQuery().timers().activityId("ScheduledStartEvent").processDefinitionKey(EvaluationProcess.KEY).count()).as("next year's timer").isEqualTo(1);
    }

    @Test
    void aTimerStartOfAYearAlreadyStartedEndsAtOnce() {
        alreadyRegistered = true;
        execute(jobQuery().timers().activityId("ScheduledStartEvent").processDefinitionKey(EvaluationProcess.KEY).singleResult());
        ProcessHarness.runAsyncJobs();
        HistoricProcessInstance run = historyService().createHistoricProcessInstanceQuery().processDefinitionKey(EvaluationProcess.KEY)
                .singleResult();
        assertThat(run.getEndActivityId()).isEqualTo("AlreadyStartedEndEvent");
        assertThat(ran).containsExactly("register");
    }
}
