package org.promisedesk.renewal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RenewalSettings.class)
class RenewalConfiguration {
}
