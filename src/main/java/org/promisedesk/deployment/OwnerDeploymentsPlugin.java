package org.promisedesk.deployment;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What a process owner's deployment goes through (issue 19, docs/process-owners.md): the
 * {@link DeploymentGate} in front of the engine's own deployers, so that no deployment reaches
 * the engine's parser without passing it; the models' start rights after them; and a creator
 * who may read their deployment but not delete it.
 */
@Component
class OwnerDeploymentsPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    OwnerDeploymentsPlugin(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        // Looked up when a deployment is decided: the record's beans need the engine's transactions.
        configuration.getCustomPreDeployers().add(new DeploymentGate(new ExpressionPolicy(context),
                (deployment, findings, changes) -> context.getBean(DeploymentRecords.class)
                        .record(deployment, findings, changes)));
        if (configuration.getCustomPostDeployers() == null) {
            configuration.setCustomPostDeployers(new ArrayList<>());
        }
        configuration.getCustomPostDeployers().add(StartRightsFromModels.deployer(configuration::getAuthorizationService));
        configuration.setResourceAuthorizationProvider(new CreatorReadsOnly());
    }
}
