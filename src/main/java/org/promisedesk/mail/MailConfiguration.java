package org.promisedesk.mail;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(MailSettings.class)
class MailConfiguration {

    /**
     * The engine's default retry schedule for a failed job ({@code promise-desk.mail.retry-time-cycle}):
     * a mail server outage delays a message by these intervals, then it is an incident. It applies
     * to every job without a schedule of its own in the model.
     */
    @Bean
    ProcessEnginePlugin mailRetryTimeCycle(MailSettings settings) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setFailedJobRetryTimeCycle(settings.retryTimeCycle());
            }
        };
    }
}
