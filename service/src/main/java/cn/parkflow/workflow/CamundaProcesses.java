package cn.parkflow.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** {@link Processes} and {@link Tasks} on Camunda 7's RuntimeService and TaskService. */
@Component
class CamundaProcesses implements Processes, Tasks {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;

    CamundaProcesses(RuntimeService runtime, TaskService tasks, IdentityService identity) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
    }

    @Override
    public String start(String processKey, String businessKey, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(processKey, businessKey, variables).getId();
    }

    @Override
    public boolean deliver(String message, String variable, Object value, Map<String, Object> variables) {
        return !runtime.createMessageCorrelation(message)
                .processInstanceVariableEquals(variable, value)
                .setVariablesLocal(variables)
                .correlateAllWithResult()
                .isEmpty();
    }

    @Override
    public Optional<String> open(String processKey, String businessKey, String taskKey) {
        Task task = tasks.createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .processDefinitionKey(processKey)
                .taskDefinitionKey(taskKey)
                .singleResult();
        return Optional.ofNullable(task).map(Task::getId);
    }

    @Override
    public void completeAs(String taskId, String userId, List<String> groups, Map<String, Object> variables) {
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
}
