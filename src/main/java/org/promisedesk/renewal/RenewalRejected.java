package org.promisedesk.renewal;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A payment or cancellation that changes nothing, with why. In a process step it fails the start
 * or the correlation (the engine REST API answers 400); the application API answers by its
 * {@link Reason}: 400 naming the field, 404, or 409.
 */
class RenewalRejected extends BadUserRequestException {

    enum Reason { BAD_INPUT, UNKNOWN_SERVICE, CONFLICT }

    private final Reason reason;
    private final String field;
    private final String problem;

    private RenewalRejected(Reason reason, String field, String problem) {
        super(field == null ? problem : field + " " + problem);
        this.reason = reason;
        this.field = field;
        this.problem = problem;
    }

    static RenewalRejected badInput(String field, String problem) {
        return new RenewalRejected(Reason.BAD_INPUT, field, problem);
    }

    static RenewalRejected unknownService(Object serviceId) {
        return new RenewalRejected(Reason.UNKNOWN_SERVICE, null, "No service with id " + serviceId);
    }

    static RenewalRejected conflict(String message) {
        return new RenewalRejected(Reason.CONFLICT, null, message);
    }

    Reason reason() {
        return reason;
    }

    /** The input field at fault, or null. */
    String field() {
        return field;
    }

    /** What is wrong, without the field's name. */
    String problem() {
        return problem;
    }
}
