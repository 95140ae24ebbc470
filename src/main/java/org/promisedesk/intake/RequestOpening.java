package org.promisedesk.intake;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.Problems;
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
    static final String CUSTOMER_EMAIL = "customerEmail";
    static final String CUSTOMER_ID = "customerId";
    private static final String CHANNEL = "channel";
    private static final String PRIORITY = "priority";
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

    /**
     * From the API: the customer by id, or by e-mail address (an unknown address is no error), or
     * both when they name the same customer. Every field is checked and every problem added to
     * {@code problems}, those the caller found already included; with any, one
     * {@link InvalidParameter} names them all. {@link #open(Contact)} then opens it.
     */
    Contact contactOf(RequestSubmission request, Problems problems) {
        Contact contact = contact(request, problems);
        check(contact, problems);
        problems.throwIfAny();
        return contact;
    }

    private Contact contact(RequestSubmission request, Problems problems) {
        String email = request.customerEmail() == null || request.customerEmail().isBlank() ? null
                : request.customerEmail().strip();
        Long customerId = request.customerId();
        if (email == null && customerId == null && !problems.has(CUSTOMER_EMAIL) && !problems.has(CUSTOMER_ID)) {
            problems.add(CUSTOMER_EMAIL, "or 'customerId' must be given");
        }
        if (email != null && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            problems.add(CUSTOMER_EMAIL, "must be an e-mail address like it@example.com");
            email = null;
        }
        if (customerId != null && customers.findById(customerId).isEmpty()) {
            problems.add(CUSTOMER_ID, "names no customer: " + customerId);
            customerId = null;
        }
        Optional<Customer> byEmail = email == null ? Optional.empty() : customers.findByEmail(email);
        if (customerId != null && email != null && !byEmail.map(Customer::id).equals(Optional.of(customerId))) {
            // Which one did the caller mean? Taking the id silently would write to the wrong customer's contact.
            String whose = byEmail.map(other -> "belongs to customer " + other.id()).orElse("belongs to no customer");
            problems.add(CUSTOMER_ID, "is customer " + customerId + ", but 'customerEmail' " + whose
                    + ": give the one you mean, or both of the same customer");
            problems.add(CUSTOMER_EMAIL, whose + ", not to customer " + customerId);
        }
        Long customer = customerId != null ? customerId : byEmail.map(Customer::id).orElse(null);
        String address = email == null ? null : email.toLowerCase(Locale.ROOT);
        return new Contact(request.channel(), customer, address, request.subject(), request.body(),
                request.priority(), null);
    }

    /** One {@link InvalidParameter} naming every bad field, before a key is taken; else the new request's key. */
    String open(Contact contact) {
        checkAll(contact);
        return start(contact, keys.next());
    }

    /**
     * As {@link #open(Contact)}, the key counted in the caller's transaction: a rollback takes the
     * key back with the request, so a failed opening burns no key (inbound e-mail).
     */
    String openInCallersTransaction(Contact contact) {
        checkAll(contact);
        return start(contact, keys.nextInCallersTransaction());
    }

    private void checkAll(Contact contact) {
        Problems problems = new Problems();
        check(contact, problems);
        problems.throwIfAny();
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

    /**
     * The rules {@code Task_OpenRequest} checks again in the process ({@link OpenRequest}, the same
     * {@link Texts}), so that a request it would refuse takes no key. A field with a problem
     * already (of the wrong JSON type) is not checked again.
     */
    private static void check(Contact contact, Problems problems) {
        if (!problems.has(CHANNEL) && (contact.channel() == null
                || !IntakeProcess.CHANNELS.contains(contact.channel()))) {
            problems.add(CHANNEL, "must be one of " + IntakeProcess.CHANNELS);
        }
        text(IntakeProcess.SUBJECT, contact.subject(), OpenRequest.SUBJECT_MIN, IntakeProcess.SUBJECT_MAX, false,
                problems);
        text(IntakeProcess.BODY, contact.body(), OpenRequest.BODY_MIN, IntakeProcess.BODY_MAX, true, problems);
        if (!problems.has(PRIORITY) && contact.priority() != null
                && !IntakeProcess.PRIORITIES.contains(contact.priority())) {
            problems.add(PRIORITY, "must be one of " + IntakeProcess.PRIORITIES);
        }
    }

    private static void text(String field, String value, int min, int max, boolean multiLine, Problems problems) {
        String problem = problems.has(field) ? null : Texts.problemOfRequired(value, min, max, multiLine);
        if (problem != null) {
            problems.add(field, problem);
        }
    }
}
