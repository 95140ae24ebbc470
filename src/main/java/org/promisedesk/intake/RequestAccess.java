package org.promisedesk.intake;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.promisedesk.platform.Forbidden;
import org.promisedesk.platform.Groups;
import org.springframework.stereotype.Component;

/**
 * Who may use {@code /api/requests}: agents and team leads open requests, and with auditors read
 * them; Camunda's administrators may do both. Reading a request shows all its processes, so once
 * the group is checked the engine is asked without the caller's finer authorizations (an agent has
 * no read grant on other groups' process instances).
 */
@Component
class RequestAccess {

    static final String ADMINS = "camunda-admin";
    static final List<String> OPENERS = List.of(Groups.AGENTS, Groups.LEADS, ADMINS);
    static final List<String> READERS = List.of(Groups.AGENTS, Groups.LEADS, Groups.AUDITORS, ADMINS);

    private final IdentityService identityService;

    RequestAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    void requireOpener() {
        require(OPENERS, "Opening a request");
    }

    void requireReader() {
        require(READERS, "Reading a request");
    }

    /** The caller's user id (after {@link #requireOpener} or {@link #requireReader}, there is one). */
    String userId() {
        return identityService.getCurrentAuthentication().getUserId();
    }

    /** Runs the query as the application itself, then restores the caller's authentication. */
    <T> T unrestricted(Supplier<T> query) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return query.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    private void require(List<String> groups, String what) {
        Authentication user = identityService.getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(groups::contains)) {
            throw new Forbidden(what + " needs membership of one of " + groups);
        }
    }
}
