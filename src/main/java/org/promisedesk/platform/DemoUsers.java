package org.promisedesk.platform;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One demo user per group (password = user id), for the quick start only: they exist in the
 * {@code demo} profile and never in production. The admin {@code demo} comes from
 * {@code camunda.bpm.admin-user} in application-demo.yaml.
 */
@Component
@Profile("demo")
@Order(4)
class DemoUsers implements ApplicationRunner {

    record DemoUser(String id, String firstName, String lastName, String group) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("agent", "Li", "Na", Groups.AGENTS),
            new DemoUser("agent2", "Tom", "Baker", Groups.AGENTS),
            new DemoUser("tech", "Wang", "Qiang", Groups.TECH),
            new DemoUser("architect", "Chen", "Jing", Groups.ARCHITECTS),
            new DemoUser("sales", "Zhao", "Min", Groups.SALES),
            new DemoUser("lead", "Sarah", "Lee", Groups.LEADS),
            new DemoUser("owner", "Zhou", "Jie", Groups.PROCESS_OWNERS),
            new DemoUser("auditor", "Anna", "Schmidt", Groups.AUDITORS));

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        USERS.forEach(this::ensure);
    }

    private void ensure(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identityService.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@promisedesk.example");
            user.setPassword(demo.id());
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
            identityService.createMembership(demo.id(), demo.group());
        }
    }
}
