package org.promisedesk.deployment;

import java.util.List;

import org.camunda.bpm.engine.ParseException;

/**
 * The gate's refusal, as the engine's own {@link ParseException}: the engine REST API answers it
 * with 400 and every problem per file (the body Camunda Modeler shows), and the deployment's
 * transaction is rolled back, so nothing is deployed.
 */
class ModelRefused extends ParseException {

    ModelRefused(Findings findings) {
        super("The deployment was refused, nothing was deployed (docs/process-owners.md): " + findings.summary(),
                findings.reports().get(0).getResourceName(), findings.reports().get(0).getErrors(), List.of());
        this.resorceReports = findings.reports();
    }
}
