package org.promisedesk.refusal;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code promise-desk.refusal.*}: how long the customer has to answer a refusal letter before
 * silence counts as acceptance, and how long the owner of the follow-up promise (the accepted
 * alternative, or what was asked after an overturned appeal) gets. Calendar time for now.
 */
@ConfigurationProperties("promise-desk.refusal")
record RefusalSettings(
        @DefaultValue("P14D") Duration answerWindow,
        @DefaultValue("P5D") Duration followUpDueIn) {

    RefusalSettings {
        if (answerWindow.isNegative() || answerWindow.isZero()) {
            throw new IllegalArgumentException("promise-desk.refusal.answer-window must be positive: " + answerWindow);
        }
        if (followUpDueIn.isNegative() || followUpDueIn.isZero()) {
            throw new IllegalArgumentException("promise-desk.refusal.follow-up-due-in must be positive: "
                    + followUpDueIn);
        }
    }

    /** The customer's deadline for an answer, counted from now (the engine's clock). */
    Date answerBy() {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(answerWindow));
    }

    /** The due date of a follow-up promise made now. */
    Date followUpDue() {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(followUpDueIn));
    }
}
