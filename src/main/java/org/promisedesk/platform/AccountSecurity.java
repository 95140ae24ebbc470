package org.promisedesk.platform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Accounts: Camunda's first-administrator setup closed unless enabled ({@link AdminSetupGuard},
 * {@link AdministratorCheck}), and failed logins throttled by source address on every way in
 * ({@link LoginThrottle}). Camunda's password policy and its per-user lockout settings are engine
 * properties in application.yaml (docs/operations.md, "Accounts").
 */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class AccountSecurity {

    /** The web apps' login, the engine REST API and the application API: all check passwords. */
    static final String[] LOGIN_PATHS = {"/camunda/api/admin/auth/user/*", "/engine-rest/*", "/api/*"};

    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(SecuritySettings settings) {
        FilterRegistrationBean<LoginThrottle> registration =
                new FilterRegistrationBean<>(new LoginThrottle(settings.loginThrottle()));
        registration.addUrlPatterns(LOGIN_PATHS);
        registration.setName("login-throttle");
        registration.setOrder(-1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdminSetupGuard> adminSetupGuard(SecuritySettings settings) {
        FilterRegistrationBean<AdminSetupGuard> registration =
                new FilterRegistrationBean<>(new AdminSetupGuard(settings.adminSetup()));
        registration.addUrlPatterns("/camunda/api/admin/setup/*", "/camunda/app/admin/*");
        registration.setName("admin-setup-guard");
        registration.setOrder(-2);
        return registration;
    }
}
