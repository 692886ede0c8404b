package cn.parkflow.workflow;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, in every environment, that the {@link WorkGroups} exist with the grants their work needs and
 * one saved Tasklist filter each: Tasklist for reviewers, experts and operators; Cockpit (read-only
 * monitoring) for the province. Idempotent: runs at every start.
 */
@Component
class EngineAccessBootstrap {

    private static final Logger log = LoggerFactory.getLogger(EngineAccessBootstrap.class);

    private final WorkGroups workGroups;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    EngineAccessBootstrap(WorkGroups workGroups, IdentityService identity, AuthorizationService authorizations,
            FilterService filters, TaskService tasks) {
        this.workGroups = workGroups;
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener
    @Order(10)
    public void onReady(ApplicationReadyEvent event) {
        List<WorkGroups.WorkGroup> groups = workGroups.groups();
        groups.forEach(g -> ensureGroup(g.id(), g.name()));
        // administrators reach every webapp and resource (the engine lets them pass its checks; the
        // webapps' login asks for the grants): the embedded default's admin is a demo account
        ensureGroup(workGroups.adminGroup(), "系统管理员");
        for (Resource resource : Resources.values()) {
            grant(workGroups.adminGroup(), resource, "*", Permissions.ALL);
        }
        for (WorkGroups.WorkGroup group : groups) {
            grant(group.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Tasklist shows process names and renders the deployed Camunda Forms of tasks
            grant(group.id(), Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(group.id(), Resources.DECISION_DEFINITION, "*", Permissions.READ);
        }
        for (WorkGroups.WorkGroup group : groups) {
            if (group.reach() == WorkGroups.Reach.TASKLIST_AND_COCKPIT) {
                String id = group.id();
                grant(id, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
                grant(id, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                        ProcessDefinitionPermissions.READ_TASK);
                grant(id, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
                grant(id, Resources.TASK, "*", TaskPermissions.READ);
                grant(id, Resources.DEPLOYMENT, "*", Permissions.READ);
                grant(id, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
                grant(id, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
                grant(id, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
                grant(id, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
            }
        }
        groups.forEach(this::ensureInbox);
        log.info("Groups, grants and Tasklist filters in place for {} groups", groups.size());
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void ensureInbox(WorkGroups.WorkGroup group) {
        Filter filter = filters.createFilterQuery().filterName(group.inboxName()).singleResult();
        if (filter == null) {
            TaskQuery query = group.inboxByAssignee() ? tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")
                    : tasks.createTaskQuery().taskCandidateGroup(group.id()).includeAssignedTasks();
            filter = filters.newTaskFilter(group.inboxName())
                    .setOwner(null)
                    .setProperties(Map.of("description", group.inboxDescription(), "priority", 10,
                            "refresh", true, "color", "#c8102e"))
                    .setQuery(query);
            filters.saveFilter(filter);
        }
        grant(group.id(), Resources.FILTER, filter.getId(), Permissions.READ);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing == null) {
            auth.setGroupId(group);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!auth.isPermissionGranted(permission)) {
                auth.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(auth);
        }
    }
}
