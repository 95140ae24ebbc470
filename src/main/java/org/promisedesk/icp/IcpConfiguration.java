package org.promisedesk.icp;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The filing's settings. The photo upload's size limit is {@code spring.servlet.multipart.*} in application.yaml. */
@Configuration
@EnableConfigurationProperties(IcpSettings.class)
class IcpConfiguration {
}
