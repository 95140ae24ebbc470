package org.promisedesk.platform;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Nothing is anonymous: the engine REST API and the application API both require HTTP Basic
 * against Camunda's users. (The web apps under /camunda have their own login and CSRF protection.)
 * Neither API reads a body larger than {@link RequestSizeLimitSettings} allows. After the engine
 * REST API's login, {@link RetentionGuard} keeps history removal and the history cleanup job to
 * administrators, and auditors from changing their own account.
 */
@Configuration
@EnableConfigurationProperties(RequestSizeLimitSettings.class)
class ApiSecurity {

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(RequestSizeLimitSettings settings) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit(settings));
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        registration.setName("request-size-limit");
        registration.setOrder(0);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setName("engine-rest-authentication");
        registration.setOrder(1);
        return registration;
    }

    /** After the login (order 1), so that the engine knows who calls. */
    @Bean
    FilterRegistrationBean<RetentionGuard> retentionGuard(IdentityService identityService, ProcessEngine engine) {
        FilterRegistrationBean<RetentionGuard> registration = new FilterRegistrationBean<>(new RetentionGuard(
                identityService, (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setName("retention-guard");
        registration.setOrder(2);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identityService) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identityService));
        registration.addUrlPatterns("/api/*");
        registration.setName("api-authentication");
        return registration;
    }
}
