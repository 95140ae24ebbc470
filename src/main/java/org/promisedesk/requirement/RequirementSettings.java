package org.promisedesk.requirement;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code promise-desk.requirement.*}: how long a customer has to accept a sales quote before the
 * requirement ends as expired, and the time zone of the decision letter's dates and of the
 * report's days.
 */
@ConfigurationProperties("promise-desk.requirement")
record RequirementSettings(
        @DefaultValue("P30D") Duration quoteAnswerWindow,
        @DefaultValue("Asia/Shanghai") ZoneId timeZone) {

    RequirementSettings {
        if (quoteAnswerWindow.isNegative() || quoteAnswerWindow.isZero()) {
            throw new IllegalArgumentException("promise-desk.requirement.quote-answer-window must be positive: "
                    + quoteAnswerWindow);
        }
    }

    /** The customer's deadline for an answer to a quote sent now (the engine's clock). */
    Date quoteAnswerBy() {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(quoteAnswerWindow));
    }
}
