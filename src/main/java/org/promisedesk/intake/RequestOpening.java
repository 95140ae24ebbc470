package org.promisedesk.intake;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.platform.InvalidParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Opens a request: checks what the caller gave, takes the next request key and starts
 * {@code intake} under it with the contract's start variables. Used by {@code POST /api/requests}
 * and by inbound e-mail ({@link IntakeFromMail}). A bad field is an {@link InvalidParameter} naming
 * it, thrown before anything is started. Runs in the caller's transaction, if there is one.
 */
@Component
class RequestOpening {

    private static final Logger log = LoggerFactory.getLogger(RequestOpening.class);

    static final int EMAIL_MAX = 254;
    /** A plain address, {@code name@domain.tld}: no display name, no spaces, a dot in the domain. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    /** A new contact: customerId or contactAddress (or both); priority may be null (P3). */
    record Contact(String channel, Long customerId, String contactAddress, String subject, String body,
            String priority, String inboundMessageId) {
    }

    private final RuntimeService runtimeService;
    private final RequestKeySequence keys;
    private final Customers customers;

    RequestOpening(RuntimeService runtimeService, RequestKeySequence keys, Customers customers) {
        this.runtimeService = runtimeService;
        this.keys = keys;
        this.customers = customers;
    }

    /** From the API: the customer by id, or by e-mail address (an unknown address is no error). */
    String open(String customerEmail, Long customerId, String channel, String subject, String body, String priority) {
        String email = customerEmail == null || customerEmail.isBlank() ? null : customerEmail.strip();
        if (email == null && customerId == null) {
            throw new InvalidParameter("customerEmail", "or 'customerId' must be given");
        }
        if (email != null && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            throw new InvalidParameter("customerEmail", "must be an e-mail address like it@example.com");
        }
        if (customerId != null && customers.findById(customerId).isEmpty()) {
            throw new InvalidParameter("customerId", "names no customer: " + customerId);
        }
        Long customer = customerId != null ? customerId
                : customers.findByEmail(email).map(Customer::id).orElse(null);
        String address = email == null ? null : email.toLowerCase(Locale.ROOT);
        return open(new Contact(channel, customer, address, subject, body, priority, null));
    }

    String open(Contact contact) {
        check(contact);
        return start(contact, keys.next());
    }

    /**
     * As {@link #open(Contact)}, the key counted in the caller's transaction: a rollback takes the
     * key back with the request, so a failed opening burns no key (inbound e-mail).
     */
    String openInCallersTransaction(Contact contact) {
        check(contact);
        return start(contact, keys.nextInCallersTransaction());
    }

    private String start(Contact contact, String key) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(IntakeProcess.REQUEST_KEY, key);
        variables.put(IntakeProcess.CHANNEL, contact.channel());
        variables.put(IntakeProcess.CUSTOMER_ID, contact.customerId());
        variables.put(IntakeProcess.CONTACT_ADDRESS, contact.contactAddress());
        variables.put(IntakeProcess.SUBJECT, contact.subject().strip());
        variables.put(IntakeProcess.BODY, contact.body().strip());
        variables.put(IntakeProcess.PRIORITY, contact.priority() == null ? IntakeProcess.DEFAULT_PRIORITY
                : contact.priority());
        if (contact.inboundMessageId() != null) {
            variables.put(IntakeProcess.INBOUND_MESSAGE_ID, contact.inboundMessageId());
        }
        runtimeService.createProcessInstanceByKey(IntakeProcess.PROCESS_ID).businessKey(key)
                .setVariables(variables).execute();
        log.info("Request {} opened by {} for {}", key, contact.channel(),
                contact.customerId() != null ? "customer " + contact.customerId()
                        : "an unknown contact " + contact.contactAddress());
        return key;
    }

    private static void check(Contact contact) {
        if (contact.channel() == null || !IntakeProcess.CHANNELS.contains(contact.channel())) {
            throw new InvalidParameter("channel", "must be one of " + IntakeProcess.CHANNELS);
        }
        text(IntakeProcess.SUBJECT, contact.subject(), OpenRequest.SUBJECT_MIN, IntakeProcess.SUBJECT_MAX);
        text(IntakeProcess.BODY, contact.body(), OpenRequest.BODY_MIN, IntakeProcess.BODY_MAX);
        if (contact.priority() != null && !IntakeProcess.PRIORITIES.contains(contact.priority())) {
            throw new InvalidParameter("priority", "must be one of " + IntakeProcess.PRIORITIES);
        }
    }

    /** The process keeps the text stripped: the limits count without surrounding white space. */
    private static void text(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameter(field, "must not be empty");
        }
        int length = value.strip().length();
        if (length < min || length > max) {
            throw new InvalidParameter(field, "must be " + min + " to " + max + " characters long");
        }
    }
}
