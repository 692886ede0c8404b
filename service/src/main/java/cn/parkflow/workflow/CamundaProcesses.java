package cn.parkflow.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
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
    private final AuthorizationService authorizations;

    CamundaProcesses(RuntimeService runtime, TaskService tasks, IdentityService identity, AuthorizationService authorizations) {
        this.authorizations = authorizations;
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
    public String startByMessage(String message, String businessKey, Map<String, Object> variables) {
        return runtime.startProcessInstanceByMessage(message, businessKey, variables).getId();
    }

    @Override
    public Optional<Object> variable(String processInstanceId, String name) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(runtime.getVariable(processInstanceId, name));
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

    @Override
    public void complete(String taskId, Map<String, Object> variables) {
        tasks.complete(taskId, variables);
    }

    @Override
    public List<OpenTask> candidateTasks(String processKey, String taskKey, String candidateUser, List<String> variables) {
        return tasks.createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey(taskKey).taskCandidateUser(candidateUser)
                .orderByDueDate().asc().list().stream()
                .map(t -> new OpenTask(t.getId(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                        tasks.getVariables(t.getId(), variables)))
                .toList();
    }

    @Override
    public List<AssignedTask> assignedTo(String processKey, String taskKey, String assignee, List<String> variables) {
        List<AssignedTask> found = new java.util.ArrayList<>();
        for (Task t : tasks.createTaskQuery().processDefinitionKey(processKey).taskDefinitionKey(taskKey).taskAssignee(assignee)
                .orderByTaskCreateTime().asc().list()) {
            var instance = runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
            found.add(new AssignedTask(t.getId(), instance == null ? null : instance.getBusinessKey(), tasks.getVariables(t.getId(), variables)));
        }
        return found;
    }

    @Override
    public void reassign(String taskId, String assignee, Map<String, Object> executionVariables) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new IllegalArgumentException("no open task " + taskId);
        }
        if (!executionVariables.isEmpty()) {
            runtime.setVariablesLocal(task.getExecutionId(), executionVariables);
        }
        String previous = task.getAssignee();
        tasks.setAssignee(taskId, assignee);
        if (previous != null && !previous.equals(assignee)) {
            // the engine grants an assignee access to its task and never takes it back: the former one must not read it any more
            authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).userIdIn(previous).list()
                    .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        }
    }

    @Override
    public List<String> openAll(String processKey, String businessKey, String taskKey) {
        return tasks.createTaskQuery().processDefinitionKey(processKey).processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(taskKey).list().stream().map(Task::getId).toList();
    }

    @Override
    public boolean isOpen(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).count() > 0;
    }

    @Override
    public Load load(List<String> candidateGroups, Instant overdueAt) {
        return new Load(tasks.createTaskQuery().taskCandidateGroupIn(candidateGroups).includeAssignedTasks().count(),
                tasks.createTaskQuery().taskCandidateGroupIn(candidateGroups).includeAssignedTasks().dueBefore(Date.from(overdueAt)).count());
    }
}
