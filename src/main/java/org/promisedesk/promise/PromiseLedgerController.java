package org.promisedesk.promise;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.promisedesk.platform.Forbidden;
import org.promisedesk.platform.Groups;
import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/promises?state=open|overdue|kept|cannot-be-done|cancelled|all&customerId=&owner=&page=&size=}:
 * the promise ledger, paged like {@code /api/customers}. Agents, team leads and auditors may read
 * it (403 for others); a bad parameter is a 400 naming it. See docs/processes/promise.md.
 */
@RestController
class PromiseLedgerController {

    static final List<String> READERS = List.of(Groups.AGENTS, Groups.LEADS, Groups.AUDITORS);

    private static final int MAX_OWNER_LENGTH = 64;

    private final PromiseLedger ledger;
    private final IdentityService identityService;

    PromiseLedgerController(PromiseLedger ledger, IdentityService identityService) {
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @GetMapping("/api/promises")
    Page<PromiseLedger.Entry> promises(
            @RequestParam(defaultValue = "open") String state,
            @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) String owner,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        requireReader();
        LedgerState wanted = LedgerState.parse("state", state);
        if (customerId != null && customerId < 1) {
            throw new InvalidParameter("customerId", "must be a customer id (1 or more)");
        }
        String ownerId = owner == null || owner.isBlank() ? null : owner.strip();
        if (ownerId != null && ownerId.length() > MAX_OWNER_LENGTH) {
            throw new InvalidParameter("owner", "must be a user id of at most " + MAX_OWNER_LENGTH + " characters");
        }
        return ledger.find(wanted, customerId, ownerId, new Paging(page, size));
    }

    private void requireReader() {
        Authentication user = identityService.getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null || user.getGroupIds().stream().noneMatch(READERS::contains)) {
            throw new Forbidden("The promise ledger is for agents, team leads and auditors.");
        }
    }
}
