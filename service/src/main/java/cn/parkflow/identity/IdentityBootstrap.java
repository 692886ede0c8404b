package cn.parkflow.identity;

import cn.parkflow.registry.City;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, in every environment, that the groups of DOMAIN.md §3 exist with the grants their work
 * needs and one saved Tasklist filter each: Tasklist for reviewers, experts and operators; Cockpit
 * (read-only monitoring) for the province. Idempotent: runs at every start.
 */
@Component
class IdentityBootstrap {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    /** A saved filter: its name, who reads it, and which tasks it shows. */
    record FilterSpec(String name, String group, String description, int priority, TaskQuery query) {}

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;

    IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters, TaskService tasks) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener
    @Order(10)
    public void onReady(ApplicationReadyEvent event) {
        groups().forEach(this::ensureGroup);
        // administrators reach every webapp and resource (the engine lets them pass its checks; the
        // webapps' login asks for the grants): the embedded default's admin is a demo account
        ensureGroup(Roles.ADMIN, "系统管理员");
        for (Resource resource : Resources.values()) {
            grant(Roles.ADMIN, resource, "*", Permissions.ALL);
        }
        for (String group : Roles.workGroups()) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            // Tasklist shows process names and renders the deployed Camunda Forms of tasks
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        }
        for (String group : List.of(Roles.PROVINCE_REVIEWER, Roles.PROVINCE_APPROVER)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK);
            grant(group, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
            grant(group, Resources.TASK, "*", TaskPermissions.READ);
            grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
            grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
            grant(group, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
            grant(group, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
        }
        filterSpecs().forEach(this::ensureFilter);
        log.info("Groups, grants and Tasklist filters in place for {} groups", Roles.workGroups().size());
    }

    static Map<String, String> groups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(Roles.APPLICANT, "运营机构（申报单位）");
        Arrays.stream(City.values()).forEach(c -> groups.put(c.reviewerGroup(), c.label() + "科技局"));
        groups.put(Roles.PROVINCE_REVIEWER, "省科技厅审核");
        groups.put(Roles.PROVINCE_APPROVER, "省科技厅审批");
        groups.put(Roles.EXPERT, "评审专家");
        return groups;
    }

    private void ensureGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).singleResult() == null) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
    }

    List<FilterSpec> filterSpecs() {
        List<FilterSpec> specs = new java.util.ArrayList<>();
        for (City city : City.values()) {
            specs.add(new FilterSpec(city.label() + "待审任务", city.reviewerGroup(), "本市科技局的审核与推荐任务", 10,
                    tasks.createTaskQuery().taskCandidateGroup(city.reviewerGroup()).includeAssignedTasks()));
        }
        specs.add(new FilterSpec("省级审核任务", Roles.PROVINCE_REVIEWER, "省科技厅形式审查、专家组织与异议处理", 10,
                tasks.createTaskQuery().taskCandidateGroup(Roles.PROVINCE_REVIEWER).includeAssignedTasks()));
        specs.add(new FilterSpec("审批决定任务", Roles.PROVINCE_APPROVER, "省科技厅审批与确认", 10,
                tasks.createTaskQuery().taskCandidateGroup(Roles.PROVINCE_APPROVER).includeAssignedTasks()));
        specs.add(new FilterSpec("我的评审任务", Roles.EXPERT, "分配给我的专家评审", 10,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        specs.add(new FilterSpec("我的待办", Roles.APPLICANT, "需要运营机构处理的补正与年度报告", 10,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        return specs;
    }

    private void ensureFilter(FilterSpec spec) {
        Filter filter = filters.createFilterQuery().filterName(spec.name()).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(spec.name())
                    .setOwner(null)
                    .setProperties(Map.of("description", spec.description(), "priority", spec.priority(),
                            "refresh", true, "color", "#c8102e"))
                    .setQuery(spec.query());
            filters.saveFilter(filter);
        }
        grant(spec.group(), Resources.FILTER, filter.getId(), Permissions.READ);
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
