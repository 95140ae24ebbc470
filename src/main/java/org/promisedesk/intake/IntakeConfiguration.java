package org.promisedesk.intake;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(IntakeSettings.class)
class IntakeConfiguration {
}
