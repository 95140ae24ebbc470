package org.promisedesk.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a reply may change a process (consent, "solved", an appeal…) on its own: its From is a
 * contact of the request's customer (an address we wrote to about the request, or the e-mail of a
 * customer its processes serve), it carries the request's reference (routing found the request by
 * {@code In-Reply-To}/{@code References} or by the subject tag — a reply without one is no reply),
 * and no SPF, DKIM or DMARC result in {@code Authentication-Results} is {@code fail}. A reply that
 * fails is kept and given to an agent to confirm, never to the waiting process.
 */
record SenderCheck(boolean fromContact, ReplyRouting.Reference reference, AuthenticationResults authentication,
        List<String> failures) {

    static SenderCheck of(String from, Set<String> contacts, ReplyRouting.Reference reference,
            AuthenticationResults authentication) {
        boolean fromContact = from != null && contacts.contains(from);
        List<String> failures = new ArrayList<>();
        if (!fromContact) {
            failures.add("From " + from + " is not a contact of the request's customer");
        }
        if (!authentication.failures().isEmpty()) {
            failures.add("Authentication-Results " + String.join(" ", authentication.failures()));
        }
        return new SenderCheck(fromContact, reference, authentication, List.copyOf(failures));
    }

    boolean passed() {
        return failures.isEmpty();
    }

    /** For the record and the agent: the outcome, why, the reference and the results as received. */
    String summary() {
        String results = authentication.present() ? "; Authentication-Results: " + authentication.text() : "";
        return (passed() ? "sender check passed" : "sender check FAILED: " + String.join("; ", failures))
                + "; reference: " + reference.how() + results;
    }
}
