package cn.parkflow.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code carrier-change.bpmn} on an in-memory engine, with stand-ins that record what ran. */
@Deployment(resources = "carrier-change.bpmn")
class ChangeProcessTest {

    final cn.parkflow.testsupport.DeadlineTimers deadlines = new cn.parkflow.testsupport.DeadlineTimers();

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    public static class FixedDueDates {
        public Date of(String task) {
            return new Date(System.currentTimeMillis() + 86_400_000L);
        }
    }

    final List<String> ran = new ArrayList<>();

    @BeforeEach
    void registerStandIns() {
        org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init(engine.getProcessEngine());
        for (String bean : List.of("applyCarrierChange", "recordChangeRejection", "revokeCarrier")) {
            Mocks.register(bean, (JavaDelegate) execution -> ran.add(execution.getCurrentActivityId()));
        }
        Mocks.register("changeTaskListener", (TaskListener) task -> ran.add(task.getEventName() + ":" + task.getTaskDefinitionKey()));
        Mocks.register("dueDates", new FixedDueDates());
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance report() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("carrier-change", "CHANGE-7",
                Map.of("changeId", 7L, "carrierId", 3L, "cityGroup", "city-320100"));
        assertThat(instance).isWaitingAt("CityChangeCheckTask");
        assertThat(task(instance, "CityChangeCheckTask")).hasCandidateGroup("city-320100");
        assertThat(task(instance, "CityChangeCheckTask").getDueDate()).isNotNull();
        return instance;
    }

    static Task task(ProcessInstance instance, String key) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    static void complete(ProcessInstance instance, String key, Object... pairs) {
        Map<String, Object> v = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            v.put((String) pairs[i], pairs[i + 1]);
        }
        taskService().complete(task(instance, key).getId(), v);
        jobQuery().processInstanceId(instance.getId()).list().forEach(j -> execute(j));
    }

    @Test
    void aCheckedAndConfirmedChangeEntersTheRegistry() {
        ProcessInstance instance = report();
        complete(instance, "CityChangeCheckTask", "changeCheck", "CONFIRM");
        assertThat(task(instance, "ProvinceChangeConfirmTask")).hasCandidateGroup("province-reviewer");
        complete(instance, "ProvinceChangeConfirmTask", "changeConfirm", "CONFIRM");
        assertThat(instance).isEnded().hasPassed("ApplyCarrierChange", "ChangeRecordedEndEvent");
        assertThat(ran).containsSubsequence("create:CityChangeCheckTask", "complete:CityChangeCheckTask", "create:ProvinceChangeConfirmTask",
                "ApplyCarrierChange");
    }

    @Test
    void theCityOrTheProvinceMayRefuseIt() {
        ProcessInstance byCity = report();
        complete(byCity, "CityChangeCheckTask", "changeCheck", "REJECT", "changeComment", "与实际不符");
        assertThat(byCity).isEnded().hasPassed("RecordCityChangeRejection").hasNotPassed("ProvinceChangeConfirmTask", "ChangeRevocationTask");
        ProcessInstance byProvince = report();
        complete(byProvince, "CityChangeCheckTask", "changeCheck", "CONFIRM");
        complete(byProvince, "ProvinceChangeConfirmTask", "changeConfirm", "REJECT", "changeConfirmComment", "材料不全");
        assertThat(byProvince).isEnded().hasPassed("RecordProvinceChangeRejection").hasNotPassed("ApplyCarrierChange");
    }

    @Test
    void fraudFoundByTheCityGoesToTheApproverWhoRevokesOrKeepsTheCarrier() {
        ProcessInstance revoked = report();
        complete(revoked, "CityChangeCheckTask", "changeCheck", "REJECT", "changeComment", "伪造租赁合同", "fraudFound", true);
        assertThat(task(revoked, "ChangeRevocationTask")).hasCandidateGroup("province-approver");
        complete(revoked, "ChangeRevocationTask", "revoke", true, "revocationReason", "弄虚作假");
        assertThat(revoked).isEnded().hasPassed("RevokeCarrier", "CarrierRevokedEndEvent").hasNotPassed("RecordCityChangeRejection");
        ProcessInstance kept = report();
        complete(kept, "CityChangeCheckTask", "changeCheck", "REJECT", "changeComment", "伪造", "fraudFound", true);
        complete(kept, "ChangeRevocationTask", "revoke", false, "revocationReason", "情节轻微，责令整改");
        assertThat(kept).isEnded().hasPassed("RecordRevocationDeclined").hasNotPassed("RevokeCarrier");
    }
}
