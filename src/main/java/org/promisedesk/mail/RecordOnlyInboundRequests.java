package org.promisedesk.mail;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Until the intake process exists: a new request by e-mail is recorded in {@code inbound_message}
 * with disposition NEW_REQUEST, and nothing is started. The intake feature replaces this class.
 */
@Component
class RecordOnlyInboundRequests implements InboundRequests {

    private static final Logger log = LoggerFactory.getLogger(RecordOnlyInboundRequests.class);

    @Override
    public Optional<String> open(NewRequestMail mail) {
        log.info("New request by e-mail from {} ({}), recorded; intake is not built yet: {}", mail.from(),
                mail.customerId() == null ? "unknown sender" : "customer " + mail.customerId(), mail.messageId());
        return Optional.empty();
    }
}
