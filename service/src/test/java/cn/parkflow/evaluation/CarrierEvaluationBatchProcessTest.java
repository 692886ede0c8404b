package cn.parkflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code carrier-evaluation-batch.bpmn}: one batch starts one {@code carrier-evaluation} per carrier (business
 * key {@code EVAL-<year>-<carrierId>}, each committing on its own) and ends when every one is rated; an
 * empty batch ends at once. The carriers' own process runs with stand-in delegates.
 */
@Deployment(resources = {"carrier-evaluation-batch.bpmn", "carrier-evaluation.bpmn"})
class CarrierEvaluationBatchProcessTest {

    final cn.parkflow.testsupport.DeadlineTimers deadlines = new cn.parkflow.testsupport.DeadlineTimers();

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final List<String> rated = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void registerStandIns() {
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(engine.getProcessEngine());
        Mocks.register("prepareCarrierEvaluation", (JavaDelegate) execution -> execution.setVariable(EvaluationProcess.HAS_REPORT, true));
        Mocks.register("rateCarrier", (JavaDelegate) execution -> rated.add(execution.getProcessBusinessKey()));
        Mocks.register("evaluationTaskListener", (TaskListener) task -> {});
        Mocks.register("dueDates", new ProcessHarness.FixedDueDates());
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance batch(List<Long> carriers) {
        return runtimeService().startProcessInstanceByKey(EvaluationProcess.BATCH_KEY, "EVAL-2026-B1",
                Map.of(EvaluationProcess.YEAR, 2026, EvaluationProcess.REPORT_PERIOD, "P30D", "carriers", carriers));
    }

    @Test
    void everyCarrierOfTheBatchIsEvaluatedInItsOwnInstance() {
        ProcessInstance batch = batch(new ArrayList<>(List.of(11L, 12L, 13L)));
        assertThat(batch).isWaitingAt("CarrierEvaluation");
        ProcessHarness.runAsyncJobs();
        assertThat(batch).isEnded().hasPassed("CarrierEvaluation", "CarrierBatchRatedEndEvent");
        assertThat(rated).containsExactlyInAnyOrder("EVAL-2026-11", "EVAL-2026-12", "EVAL-2026-13");
        List<HistoricProcessInstance> carriers = historyService().createHistoricProcessInstanceQuery()
                .superProcessInstanceId(batch.getId()).list();
        assertThat(carriers).hasSize(3).allSatisfy(c -> assertThat(c.getProcessDefinitionKey()).isEqualTo(EvaluationProcess.CARRIER_KEY));
    }

    @Test
    void anEmptyBatchEndsWithoutStartingAnything() {
        ProcessInstance batch = batch(new ArrayList<>());
        ProcessHarness.runAsyncJobs();
        assertThat(batch).isEnded().hasPassed("CarrierBatchRatedEndEvent");
        assertThat(rated).isEmpty();
    }
}
