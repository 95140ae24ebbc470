package org.promisedesk.platform;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An installation must have an administrator (a member of {@code camunda-admin}) before it serves
 * anyone, because the only other way to get one, Camunda's setup page, is open to whoever comes
 * first. Without one the start fails and says how to make one; with
 * {@code promise-desk.security.admin-setup=true} it starts and warns that the page is open.
 * Runs after the demo users (order 4), which include one.
 */
@Component
@Order(5)
class AdministratorCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdministratorCheck.class);

    private final IdentityService identityService;
    private final SecuritySettings settings;

    AdministratorCheck(IdentityService identityService, SecuritySettings settings) {
        this.identityService = identityService;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identityService.createUserQuery().memberOfGroup(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN).count() > 0) {
            return;
        }
        if (settings.adminSetup()) {
            log.warn("No administrator yet: Camunda's setup page /camunda/app/admin/default/setup/ is OPEN to anyone"
                    + " who reaches this server. Create the administrator there now, then restart without"
                    + " promise-desk.security.admin-setup=true.");
            return;
        }
        throw new IllegalStateException("No administrator (no user in group camunda-admin). Start once with"
                + " camunda.bpm.admin-user.id and camunda.bpm.admin-user.password set (environment"
                + " CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD; the password must meet the password"
                + " policy), or, on a server nobody else can reach yet, with promise-desk.security.admin-setup=true"
                + " to create one on /camunda/app/admin/default/setup/. See docs/operations.md, \"Accounts\".");
    }
}
