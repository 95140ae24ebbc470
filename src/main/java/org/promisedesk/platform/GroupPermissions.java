package org.promisedesk.platform;

import static org.promisedesk.platform.Groups.AGENTS;
import static org.promisedesk.platform.Groups.AUDITORS;
import static org.promisedesk.platform.Groups.LEADS;
import static org.promisedesk.platform.Groups.PROCESS_OWNERS;
import static org.promisedesk.platform.Groups.TASK_WORKERS;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
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
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the spec's groups and what each may do, at every start-up, changing nothing that is
 * already right. Task visibility needs no grant here: the engine gives a task's candidate groups
 * and assignee their own authorization on that task, so agents see their groups' tasks only.
 * Who may start which process is not granted here either: each model's candidate starters
 * decide it (deployment.StartRights, issue 19); what earlier versions granted on every
 * definition is taken back.
 */
@Component
@Order(2)
class GroupPermissions implements ApplicationRunner {

    private static final String ANY = Authorization.ANY;

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;

    GroupPermissions(IdentityService identityService, AuthorizationService authorizationService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
    }

    @Override
    public void run(ApplicationArguments args) {
        Groups.ALL.forEach(this::ensureGroup);

        for (String group : Groups.ALL) {
            grant(group, Resources.USER, ANY, Permissions.READ);
            grant(group, Resources.GROUP, ANY, Permissions.READ);
        }
        for (String group : TASK_WORKERS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
            revoke(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE);
            // Needed with CREATE_INSTANCE on a definition, which only the models' starters get.
            grant(group, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        }
        grantLeads();
        grantAuditors();
        grantProcessOwners();
    }

    /**
     * Leads take escalations: they see every task and may reassign it, follow instances in
     * Cockpit, and retry a step that failed (an incident, such as an e-mail the server refused).
     */
    private void grantLeads() {
        grant(LEADS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(LEADS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.RETRY_JOB);
        grant(LEADS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ,
                ProcessInstancePermissions.RETRY_JOB);
        grant(LEADS, Resources.TASK, ANY, TaskPermissions.READ, TaskPermissions.TASK_ASSIGN);
        grant(LEADS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(LEADS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    /** Auditors read everything there is to read and change nothing. */
    private void grantAuditors() {
        grant(AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(AUDITORS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        grant(AUDITORS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        grant(AUDITORS, Resources.TASK, ANY, TaskPermissions.READ);
        grant(AUDITORS, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
        grant(AUDITORS, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
        grant(AUDITORS, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
        grant(AUDITORS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(AUDITORS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(AUDITORS, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    /**
     * Process owners deploy from Camunda Modeler and follow their models in Cockpit. They do not
     * delete deployments (a cascade delete takes running requests and their history), change a
     * definition (its history time to live decides when history is cleaned up) or start
     * processes (issue 19); an administrator does the first two, the models' starters the last.
     */
    private void grantProcessOwners() {
        grant(PROCESS_OWNERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(PROCESS_OWNERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        revoke(PROCESS_OWNERS, Resources.DEPLOYMENT, ANY, Permissions.DELETE);
        grant(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.SUSPEND);
        revoke(PROCESS_OWNERS, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.UPDATE);
        grant(PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
        revoke(PROCESS_OWNERS, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.CREATE);
        grant(PROCESS_OWNERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE,
                Permissions.READ_HISTORY);
        grant(PROCESS_OWNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    }

    private void ensureGroup(String id) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(Groups.displayName(id));
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
    }

    /** Adds the permissions to the group's grant on the resource, creating the grant if there is none. */
    void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        List<Authorization> existing = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).list();
        Authorization grant = existing.isEmpty()
                ? newGrant(group, resource, resourceId)
                : existing.get(0);
        List<Permission> missing = new ArrayList<>();
        for (Permission permission : permissions) {
            if (!grant.isPermissionGranted(permission)) {
                missing.add(permission);
            }
        }
        if (existing.isEmpty() || !missing.isEmpty()) {
            missing.forEach(grant::addPermission);
            authorizationService.saveAuthorization(grant);
        }
    }

    /** Takes the permissions out of the group's grant on the resource, where an earlier version gave them. */
    void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
        for (Authorization grant : authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).list()) {
            boolean changed = false;
            for (Permission permission : permissions) {
                if (grant.isPermissionGranted(permission)) {
                    grant.removePermission(permission);
                    changed = true;
                }
            }
            if (changed) {
                authorizationService.saveAuthorization(grant);
            }
        }
    }

    private Authorization newGrant(String group, Resource resource, String resourceId) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        return grant;
    }
}
