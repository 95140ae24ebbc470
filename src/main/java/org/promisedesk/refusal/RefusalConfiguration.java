package org.promisedesk.refusal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(RefusalSettings.class)
class RefusalConfiguration {
}
