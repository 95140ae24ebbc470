package org.promisedesk.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code promise-desk.api.*}: the largest request body the application API and the engine REST
 * API read, and the largest deployment (Camunda Modeler's Deploy: the models and their forms).
 */
@ConfigurationProperties("promise-desk.api")
record RequestSizeLimitSettings(
        @DefaultValue("6MB") DataSize maxBodySize,
        @DefaultValue("20MB") DataSize maxDeploymentSize) {

    RequestSizeLimitSettings {
        if (maxBodySize.toBytes() <= 0 || maxDeploymentSize.toBytes() <= 0) {
            throw new IllegalArgumentException("promise-desk.api.max-body-size and max-deployment-size must be positive");
        }
    }
}
