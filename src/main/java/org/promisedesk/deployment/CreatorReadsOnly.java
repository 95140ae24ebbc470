package org.promisedesk.deployment;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.repository.Deployment;

/**
 * Camunda gives whoever makes a deployment READ and DELETE on it; a process owner's cascade
 * delete would then take every running request of it and its whole history (issue 19). The
 * creator keeps READ; deleting is an administrator's action (docs/process-owners.md).
 */
class CreatorReadsOnly extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newDeployment(Deployment deployment) {
        AuthorizationEntity[] grants = super.newDeployment(deployment);
        if (grants != null) {
            for (AuthorizationEntity grant : grants) {
                grant.removePermission(Permissions.DELETE);
            }
        }
        return grants;
    }
}
