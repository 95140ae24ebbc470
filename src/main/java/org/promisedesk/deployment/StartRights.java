package org.promisedesk.deployment;

import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * Who may start a process is what its model says: {@code camunda:candidateStarterGroups} and
 * {@code camunda:candidateStarterUsers} of the latest version become CREATE_INSTANCE grants on
 * that process key (which also covers its message and signal starts), and a group or user the
 * model no longer names loses it. Nobody holds CREATE_INSTANCE on every definition (issue 19).
 */
final class StartRights {

    private final AuthorizationService authorizations;

    StartRights(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    void apply(String processKey, Collection<String> groups, Collection<String> users) {
        List<Authorization> grants = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(processKey).list();
        for (Authorization grant : grants) {
            boolean named = grant.getGroupId() != null ? groups.contains(grant.getGroupId())
                    : users.contains(grant.getUserId());
            if (!named && grant.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)) {
                grant.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
                authorizations.saveAuthorization(grant);
            }
        }
        groups.forEach(group -> grant(grants, processKey, group, null));
        users.forEach(user -> grant(grants, processKey, null, user));
    }

    private void grant(List<Authorization> grants, String processKey, String group, String user) {
        Authorization grant = grants.stream()
                .filter(existing -> group != null ? group.equals(existing.getGroupId()) : user.equals(existing.getUserId()))
                .findFirst().orElse(null);
        if (grant != null && grant.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)) {
            return;
        }
        if (grant == null) {
            grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setUserId(user);
            grant.setResource(Resources.PROCESS_DEFINITION);
            grant.setResourceId(processKey);
        }
        grant.addPermission(ProcessDefinitionPermissions.READ);
        grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(grant);
    }
}
