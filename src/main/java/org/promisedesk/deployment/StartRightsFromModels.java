package org.promisedesk.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link StartRights} in step with the models: after every new deployment (run by the
 * engine after its own deployers, in the deployment's transaction, whoever deployed), and at
 * start-up for what is already deployed (after the groups exist, {@code GroupPermissions}).
 */
@Component
@Order(3)
class StartRightsFromModels implements ApplicationRunner {

    private final RepositoryService repositoryService;
    private final StartRights rights;

    StartRightsFromModels(RepositoryService repositoryService, AuthorizationService authorizationService) {
        this.repositoryService = repositoryService;
        this.rights = new StartRights(authorizationService);
    }

    @Override
    public void run(ApplicationArguments args) {
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            List<String> groups = new ArrayList<>();
            List<String> users = new ArrayList<>();
            for (IdentityLink link : repositoryService.getIdentityLinksForProcessDefinition(definition.getId())) {
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                } else if (link.getUserId() != null) {
                    users.add(link.getUserId());
                }
            }
            rights.apply(definition.getKey(), groups, users);
        }
    }

    /** The engine's side: the deployer that applies the starters of each process a deployment brings. */
    static Deployer deployer(Supplier<AuthorizationService> authorizationService) {
        return (DeploymentEntity deployment) -> {
            StartRights rights = new StartRights(authorizationService.get());
            List<ProcessDefinitionEntity> definitions = deployment.getDeployedArtifacts(ProcessDefinitionEntity.class);
            if (!deployment.isNew() || definitions == null) {
                return;
            }
            // The deployer may be a process owner, who must not grant anything themselves.
            Context.getCommandContext().runWithoutAuthorization(() -> {
                for (ProcessDefinitionEntity definition : definitions) {
                    rights.apply(definition.getKey(), texts(definition.getCandidateStarterGroupIdExpressions()),
                            texts(definition.getCandidateStarterUserIdExpressions()));
                }
                return null;
            });
        };
    }

    private static List<String> texts(java.util.Set<Expression> expressions) {
        return expressions.stream().map(Expression::getExpressionText).toList();
    }
}
