package org.promisedesk.fault;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(FaultSettings.class)
class FaultConfiguration {
}
