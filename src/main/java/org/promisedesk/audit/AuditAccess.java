package org.promisedesk.audit;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.promisedesk.platform.Forbidden;
import org.promisedesk.platform.Groups;
import org.springframework.stereotype.Component;

/** The audit trail is for auditors and team leads only. */
@Component
class AuditAccess {

    private static final List<String> READERS = List.of(Groups.AUDITORS, Groups.LEADS);

    private final IdentityService identityService;

    AuditAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    void requireReader() {
        Authentication current = identityService.getCurrentAuthentication();
        boolean reader = current != null && current.getGroupIds() != null
                && current.getGroupIds().stream().anyMatch(READERS::contains);
        if (!reader) {
            throw new NotAnAuditor();
        }
    }

    static class NotAnAuditor extends Forbidden {
        NotAnAuditor() {
            super("Only auditors and team leads may read the audit trail.");
        }
    }
}
