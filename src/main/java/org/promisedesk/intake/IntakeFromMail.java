package org.promisedesk.intake;

import java.util.Optional;

import org.promisedesk.mail.InboundRequests;
import org.promisedesk.platform.FreeText;
import org.springframework.stereotype.Component;

/**
 * An e-mail that belongs to no request opens one: {@code intake} on channel {@code email}, the
 * sender as contact address (and customer, when a customer has that address), the subject and the
 * text, the Message-ID as {@code inboundMessageId}. It runs in the transaction that records the
 * e-mail, so the record and the request are one, and the request key is counted in that
 * transaction too: an opening that rolls back burns no key. What no request may hold is made to
 * fit rather than refused — the full e-mail stays in {@code inbound_message}: control and
 * bidirectional characters are taken out ({@link FreeText#cleaned}), a missing or very short
 * subject or text is marked as such, a long one is cut, attachments are only named.
 */
@Component
class IntakeFromMail implements InboundRequests {

    static final String NO_SUBJECT = "(no subject)";
    static final String NO_TEXT = "(no text)";
    private static final String CUT = "\n[… cut here; the whole e-mail is in the support mailbox]";

    private final RequestOpening opening;

    IntakeFromMail(RequestOpening opening) {
        this.opening = opening;
    }

    @Override
    public Optional<String> open(NewRequestMail mail) {
        return Optional.of(opening.openInCallersTransaction(new RequestOpening.Contact("email", mail.customerId(),
                mail.from(), subject(mail.subject()), body(mail), null, mail.messageId())));
    }

    private static String subject(String subject) {
        String text = subject == null ? "" : FreeText.cleaned(subject, false).strip();
        if (text.length() < OpenRequest.SUBJECT_MIN) {
            return (NO_SUBJECT + " " + text).strip();
        }
        return text.length() <= IntakeProcess.SUBJECT_MAX ? text
                : text.substring(0, IntakeProcess.SUBJECT_MAX - 1) + "…";
    }

    private static String body(NewRequestMail mail) {
        String text = mail.body() == null ? "" : mail.body().strip();
        if (mail.attachments() != null && !mail.attachments().isEmpty()) {
            text += "\n\n[Attachments, in the support mailbox: " + String.join(", ", mail.attachments()) + "]";
        }
        // After the attachments: a file name can hold an RTL override too ("invoice\u202Efdp.exe").
        text = FreeText.cleaned(text, true).strip();
        if (text.strip().length() < OpenRequest.BODY_MIN) {
            return (text + "\n" + NO_TEXT).strip();
        }
        return text.length() <= IntakeProcess.BODY_MAX ? text
                : text.substring(0, IntakeProcess.BODY_MAX - CUT.length()) + CUT;
    }
}
