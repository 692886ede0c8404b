package cn.parkflow.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
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
 * Every path of {@code publication.bpmn} on its own, on an in-memory engine: the period runs out clear,
 * an objection is dismissed, an upheld objection ends the publication (an application's), an upheld
 * objection removes one entry and the publication goes on (a campaign's), two objections at once. The
 * delegates and the objection listener are stand-ins that record what ran.
 */
@Deployment(resources = "publication.bpmn")
class PublicationProcessTest {

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
        Mocks.register("openPublication", (JavaDelegate) execution -> {
            ran.add("open");
            execution.setVariable(PublicationProcess.PUBLICATION_END, "2026-12-09T00:00:00Z");
        });
        Mocks.register("closePublication", (JavaDelegate) execution -> ran.add("close:" + execution.getVariableLocal("outcome")));
        // what a subject's handler answers: whether this upheld objection ends the whole publication
        Mocks.register("objectionTaskListener", (TaskListener) task -> {
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                // as the real listener does: the objection stays on the task's own execution
                for (String name : ObjectionTaskListener.OBJECTION_VARIABLES) {
                    cn.parkflow.workflow.TaskAnswers.enclosing(task).setVariableLocal(name, task.getVariable(name));
                }
            }
            ran.add(task.getEventName() + ":" + task.getVariable(PublicationProcess.OBJECTION_ID));
            if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                cn.parkflow.workflow.TaskAnswers.enclosing(task).setVariableLocal(PublicationProcess.OBJECTION_ENDS_PUBLICATION,
                        Boolean.TRUE.equals(task.getVariable(PublicationProcess.OBJECTION_UPHELD))
                                && Boolean.TRUE.equals(task.getVariable("endsWhenUpheld")));
            }
        });
        Mocks.register("dueDates", new FixedDueDates());
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance open(String subject) {
        Map<String, Object> v = new HashMap<>();
        v.put(PublicationProcess.PUBLICATION_SUBJECT, subject);
        v.put(PublicationProcess.PUBLICATION_PERIOD, "P7D");
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(PublicationProcess.KEY, v);
        assertThat(instance).isWaitingAt("OpenPublication");
        execute(jobQuery().processInstanceId(instance.getId()).singleResult());
        assertThat(instance).isWaitingAt("PublicationTimer");
        // the timer is due when the period the subject was opened for ends (calendar or working days alike)
        assertThat(jobQuery().processInstanceId(instance.getId()).activityId("PublicationTimer").timers().singleResult().getDuedate())
                .isEqualTo(Date.from(java.time.Instant.parse("2026-12-09T00:00:00Z")));
        return instance;
    }

    void object(String subject, long objectionId) {
        int delivered = runtimeService().createMessageCorrelation(PublicationProcess.MESSAGE_OBJECTION)
                .processInstanceVariableEquals(PublicationProcess.PUBLICATION_SUBJECT, subject)
                .setVariablesLocal(Map.of(PublicationProcess.OBJECTION_ID, objectionId, PublicationProcess.OBJECTOR_NAME, "张三",
                        PublicationProcess.OBJECTION_TEXT, "数据不实"))
                .correlateAllWithResult().size();
        assertThat(delivered).isEqualTo(1);
    }

    Task objectionTask(ProcessInstance instance, long objectionId) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(PublicationProcess.OBJECTION_TASK).list().stream()
                .filter(t -> Long.valueOf(objectionId).equals(taskService().getVariable(t.getId(), PublicationProcess.OBJECTION_ID)))
                .findFirst().orElseThrow();
    }

    void decide(ProcessInstance instance, long objectionId, boolean upheld, boolean endsWhenUpheld) {
        Task task = objectionTask(instance, objectionId);
        assertThat(task).hasCandidateGroup("province-reviewer");
        taskService().setVariableLocal(task.getId(), "endsWhenUpheld", endsWhenUpheld);
        taskService().complete(task.getId(), Map.of(PublicationProcess.OBJECTION_UPHELD, upheld,
                PublicationProcess.OBJECTION_REPLY, "处理意见"));
    }

    void periodRunsOut(ProcessInstance instance) {
        Job timer = jobQuery().processInstanceId(instance.getId()).activityId("PublicationTimer").timers().singleResult();
        execute(timer);
        assertThat(instance).isWaitingAt("ClosePublicationClear");
        execute(jobQuery().processInstanceId(instance.getId()).singleResult());
    }

    String outcome(ProcessInstance instance) {
        return (String) historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(PublicationProcess.PUBLICATION_OUTCOME).singleResult().getValue();
    }

    @Test
    void thePeriodRunsOutWithoutObjection() {
        ProcessInstance instance = open("APPLICATION-1");
        periodRunsOut(instance);
        assertThat(instance).isEnded().hasPassed("PublicationPeriodEndEvent", "ClosePublicationClear", "PublicationClearEndEvent");
        assertThat(outcome(instance)).isEqualTo("CLEAR");
        assertThat(ran).containsExactly("open", "close:CLEAR");
    }

    @Test
    void aDismissedObjectionLeavesThePublicationRunning() {
        ProcessInstance instance = open("APPLICATION-2");
        object("APPLICATION-2", 11L);
        assertThat(ran).contains("create:11");
        decide(instance, 11L, false, true);
        assertThat(instance).hasPassed("ObjectionDismissedEndEvent").isWaitingAt("PublicationTimer");
        periodRunsOut(instance);
        assertThat(outcome(instance)).isEqualTo("CLEAR");
        assertThat(ran).containsExactly("open", "create:11", "complete:11", "close:CLEAR");
    }

    @Test
    void anUpheldObjectionThatEndsThePublicationInterruptsIt() {
        ProcessInstance instance = open("APPLICATION-3");
        object("APPLICATION-3", 12L);
        decide(instance, 12L, true, true);
        assertThat(instance).hasPassed("ObjectionUpheldErrorEndEvent", "ObjectionUpheldBoundaryEvent").isWaitingAt("ClosePublicationUpheld");
        assertThat(jobQuery().processInstanceId(instance.getId()).timers().count()).as("the period's timer is gone").isZero();
        execute(jobQuery().processInstanceId(instance.getId()).singleResult());
        assertThat(instance).isEnded().hasPassed("PublicationUpheldEndEvent");
        assertThat(outcome(instance)).isEqualTo("UPHELD");
        assertThat(ran).containsExactly("open", "create:12", "complete:12", "close:UPHELD");
    }

    @Test
    void anUpheldObjectionThatRemovesOneEntryLetsThePublicationGoOn() {
        ProcessInstance instance = open("CAMPAIGN-4");
        object("CAMPAIGN-4", 13L);
        decide(instance, 13L, true, false);
        assertThat(instance).hasPassed("ObjectionUpheldRemovedEndEvent").hasNotPassed("ObjectionUpheldBoundaryEvent")
                .isWaitingAt("PublicationTimer");
        periodRunsOut(instance);
        assertThat(outcome(instance)).isEqualTo("CLEAR");
    }

    @Test
    void twoObjectionsAreHandledEachOnItsOwn() {
        ProcessInstance instance = open("CAMPAIGN-5");
        object("CAMPAIGN-5", 21L);
        object("CAMPAIGN-5", 22L);
        assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(PublicationProcess.OBJECTION_TASK).count()).isEqualTo(2);
        decide(instance, 22L, false, false);
        decide(instance, 21L, true, false);
        assertThat(instance).isWaitingAt("PublicationTimer");
        assertThat(ran).contains("complete:22", "complete:21");
        periodRunsOut(instance);
        assertThat(instance).isEnded();
    }
}
