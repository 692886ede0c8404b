package cn.parkflow.certification;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** {@link WorkflowCommands} on Camunda 7's RuntimeService and TaskService. */
@Component
class CamundaWorkflow implements WorkflowCommands {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;

    CamundaWorkflow(RuntimeService runtime, TaskService tasks, IdentityService identity) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
    }

    @Override
    public String startCertification(long applicationId, Map<String, Object> variables) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(CertificationProcess.KEY, String.valueOf(applicationId), variables);
        return instance.getId();
    }

    @Override
    public String startBenchmarkSelection(long campaignId, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(cn.parkflow.benchmark.BenchmarkProcess.KEY, String.valueOf(campaignId), variables).getId();
    }

    @Override
    public void completeCorrection(long applicationId, String userId) {
        Task task = tasks.createTaskQuery()
                .processInstanceBusinessKey(String.valueOf(applicationId))
                .processDefinitionKey(CertificationProcess.KEY)
                .taskDefinitionKey(CertificationProcess.SUPPLEMENT_TASK)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("no correction task open for application " + applicationId);
        }
        completeTaskAs(task.getId(), userId, null, Map.of());
    }

    @Override
    public void completeTaskAs(String taskId, String userId, List<String> groups, Map<String, Object> variables) {
        var previous = identity.getCurrentAuthentication();
        if (groups == null) {
            identity.setAuthenticatedUserId(userId);
        } else {
            identity.setAuthentication(userId, groups);
        }
        try {
            tasks.complete(taskId, variables);
        } finally {
            if (previous == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(previous);
            }
        }
    }

    @Override
    public boolean deliverObjection(String subject, Map<String, Object> objection) {
        var result = runtime.createMessageCorrelation(CertificationProcess.MESSAGE_OBJECTION)
                .processInstanceVariableEquals(CertificationProcess.PUBLICATION_SUBJECT, subject)
                .setVariablesLocal(objection)
                .correlateAllWithResult();
        return !result.isEmpty();
    }
}
