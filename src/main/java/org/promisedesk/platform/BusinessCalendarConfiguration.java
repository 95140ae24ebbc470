package org.promisedesk.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(BusinessCalendarSettings.class)
class BusinessCalendarConfiguration {
}
