package org.promisedesk.renewal;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.promisedesk.platform.Forbidden;
import org.promisedesk.platform.Groups;
import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/services/{id}/renewals {paidUntil, reference?}}: records a payment; the
 * expiry moves, the customer gets a confirmation and the reminders end. 201 with the new expiry;
 * 200 (and nothing sent) when a payment up to that date was recorded before; 400 naming
 * {@code paidUntil}; 404 for an unknown service; 409 for a service that can no longer be renewed.
 */
@RestController
class RenewalController {

    /** Who may record a payment; auditors, for one, only read. */
    static final List<String> RECORDING_GROUPS = List.of(Groups.AGENTS, Groups.SALES, Groups.LEADS);

    record PaymentRequest(String paidUntil, String reference) {
    }

    record PaymentRecorded(long serviceId, String renewal, LocalDate previousExpiryDate, LocalDate expiryDate,
            boolean alreadyRecorded) {
    }

    private final RenewalPayments payments;
    private final IdentityService identityService;

    RenewalController(RenewalPayments payments, IdentityService identityService) {
        this.payments = payments;
        this.identityService = identityService;
    }

    @PostMapping("/api/services/{id}/renewals")
    ResponseEntity<PaymentRecorded> recordPayment(@PathVariable long id,
            @RequestBody(required = false) PaymentRequest request) {
        String user = recordingUser();
        String paidUntil = request == null ? null : request.paidUntil();
        String reference = request == null ? null : request.reference();
        RenewalPayments.Payment payment;
        try {
            try {
                payment = payments.record(id, paidUntil, reference, user);
            } catch (OptimisticLockingException | DuplicateKeyException concurrent) {
                // The same payment at the same moment from elsewhere: asking again sees the other's result.
                payment = payments.record(id, paidUntil, reference, user);
            }
        } catch (RenewalRejected e) {
            throw switch (e.reason()) {
                case BAD_INPUT -> new InvalidParameter(e.field(), e.problem());
                case UNKNOWN_SERVICE -> new NotFound("Unknown service", e.getMessage());
                case CONFLICT -> e;
            };
        }
        return ResponseEntity.status(payment.alreadyRecorded() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new PaymentRecorded(payment.serviceId(), payment.renewalKey(), payment.previousExpiry(),
                        payment.paidUntil(), payment.alreadyRecorded()));
    }

    private String recordingUser() {
        Authentication user = identityService.getCurrentAuthentication();
        if (user == null || user.getGroupIds() == null
                || user.getGroupIds().stream().noneMatch(RECORDING_GROUPS::contains)) {
            throw new Forbidden("Recording a payment needs membership of one of " + RECORDING_GROUPS);
        }
        return user.getUserId();
    }
}
