package org.promisedesk.requirement;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RequirementSettings.class)
class RequirementConfiguration {
}
