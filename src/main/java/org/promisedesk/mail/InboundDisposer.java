package org.promisedesk.mail;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Decides what an inbound e-mail is and acts on it, in this order: a loop or an automatic reply
 * (ignored), too large (rejected unread, an agent is told), a reply to a known request
 * (correlated when it passes the {@link SenderCheck}, else a task for an agent), anything else a
 * new request. The SPF/DKIM/DMARC results of {@code Authentication-Results} go into every note.
 */
@Component
class InboundDisposer {

    private static final Logger log = LoggerFactory.getLogger(InboundDisposer.class);

    private final MailScreening screening;
    private final MailSettings.Inbound settings;
    private final ReplyRouting routing;
    private final AgentNotes notes;
    private final Customers customers;
    private final InboundRequests requests;

    InboundDisposer(MailSettings settings, ReplyRouting routing, AgentNotes notes, Customers customers,
            InboundRequests requests) {
        this.screening = new MailScreening(settings);
        this.settings = settings.inbound();
        this.routing = routing;
        this.notes = notes;
        this.customers = customers;
        this.requests = requests;
    }

    InboundRecord dispose(MimeMessage message, String messageId, String from) {
        try {
            return decide(message, new Facts(messageId, from, InboundHeaders.subject(message),
                    InboundHeaders.size(message), AuthenticationResults.of(message)));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read e-mail " + messageId, e);
        }
    }

    private InboundRecord decide(MimeMessage message, Facts facts) throws MessagingException, IOException {
        String loop = screening.loop(message, facts.messageId);
        if (loop != null) {
            log.warn("E-mail {} from {} ignored, a mail loop: {}", facts.messageId, facts.from, loop);
            return facts.record(Disposition.LOOP_IGNORED, loop);
        }
        String automatic = MailScreening.automatic(message);
        if (automatic != null) {
            log.info("E-mail {} from {} ignored, automatic: {}", facts.messageId, facts.from, automatic);
            return facts.record(Disposition.AUTO_REPLY_IGNORED, automatic);
        }
        if (facts.size > settings.maxSize().toBytes()) {
            String note = facts.size + " bytes, over the limit of " + settings.maxSize().toBytes() + " bytes; not read";
            String taskId = notes.create("E-mail from " + facts.from + " too large to read", "Subject: "
                    + facts.subject + "\n" + note + ". It is still in the support mailbox; ask the customer"
                    + " to send it smaller, or read it there.", null, Map.of());
            log.warn("E-mail {} from {} rejected: {}", facts.messageId, facts.from, note);
            return facts.record(Disposition.OVERSIZED_REJECTED, note).withTask(taskId);
        }
        MailBody body = MailBody.of(message);
        Long customerId = facts.from == null ? null : customers.findByEmail(facts.from).map(Customer::id).orElse(null);
        Optional<ReplyRouting.Reference> reference = routing.referenceOf(message, facts.subject);
        if (reference.isPresent()) {
            return reply(reference.get(), facts, body, customerId);
        }
        Optional<String> opened = requests.open(new InboundRequests.NewRequestMail(facts.from, customerId,
                facts.subject, body.text(), facts.messageId, body.attachments()));
        log.info("E-mail {} from {} is a new request {}", facts.messageId, facts.from, opened.orElse("(recorded)"));
        return new InboundRecord(facts.messageId, now(), facts.from, facts.subject, facts.size,
                opened.orElse(null), customerId, Disposition.NEW_REQUEST, false,
                facts.note(body, opened.map(key -> "opened " + key).orElse("recorded; intake not connected yet")),
                body.attachmentList(), body.text(), null, null);
    }

    /**
     * Given to the waiting processes only when it passes the {@link SenderCheck}; otherwise, or when
     * nothing waits, a task for an agent, who confirms with the customer before acting on it.
     */
    private InboundRecord reply(ReplyRouting.Reference reference, Facts facts, MailBody body, Long customerId) {
        String key = reference.requestKey();
        String text = QuotedHistory.strip(body.text());
        SenderCheck check = SenderCheck.of(facts.from, routing.customerAddresses(key), reference, facts.authentication);
        Map<String, Object> variables = ReplyRouting.replyVariables(text, facts.from, facts.messageId,
                check.fromContact());
        Disposition disposition = Disposition.REPLY_CORRELATED;
        String taskId = null;
        if (!check.passed() || !routing.correlate(key, variables)) {
            disposition = Disposition.REPLY_NOTE_FOR_AGENT;
            String name = check.passed() ? "Customer wrote about " + key
                    : "Confirm with the customer: unverified e-mail about " + key;
            taskId = notes.create(name, "From: " + facts.from
                    + (check.fromContact() ? "" : " (NOT an address of the request's customer)") + "\nSubject: "
                    + facts.subject + "\n" + check.summary()
                    + (check.passed() ? "" : "\nNot given to the process: confirm with the customer (by phone, or"
                            + " at an address of theirs) before recording any decision.")
                    + "\n\n" + text + (body.attachments().isEmpty() ? ""
                    : "\n\nAttachments (in the support mailbox):\n" + body.attachmentList()), key, variables);
        }
        log.info("Request {}: reply {} from {}, {}: {}", key, facts.messageId, facts.from, check.summary(),
                disposition);
        return new InboundRecord(facts.messageId, now(), facts.from, facts.subject, facts.size, key, customerId,
                disposition, !check.fromContact(), facts.note(body, check.summary()), body.attachmentList(),
                body.text(), text, taskId);
    }

    private static String shorten(String text, int max) {
        return InboundHeaders.shorten(text, max);
    }

    private static java.time.Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private record Facts(String messageId, String from, String subject, long size,
            AuthenticationResults authentication) {

        InboundRecord record(Disposition disposition, String note) {
            return new InboundRecord(messageId, now(), from, subject, size, null, null, disposition,
                    false, note(note), null, null, null, null);
        }

        /** The note, what the text was made from, and the Authentication-Results when there were any. */
        String note(MailBody body, String note) {
            return note(body.fromHtml() ? join(note, "HTML only, converted to text") : note);
        }

        String note(String note) {
            String results = authentication.present() && (note == null || !note.contains("Authentication-Results"))
                    ? "Authentication-Results: " + authentication.text() : null;
            return shorten(join(note, results), 1000);
        }

        private static String join(String first, String second) {
            return first == null ? second : second == null ? first : first + "; " + second;
        }
    }
}
