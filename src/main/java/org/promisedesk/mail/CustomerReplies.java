package org.promisedesk.mail;

/**
 * What a process that waits for a customer's e-mail reply needs: a message catch event (or
 * receive task, or event subprocess) for the message {@value #MESSAGE}. A reply to the request is
 * correlated to every instance with the request key as business key that waits for it, with the
 * variables below — only a reply that passes the sender check (the customer's address, the
 * request's reference, no SPF/DKIM/DMARC {@code fail}). Failing, or nobody waiting: the reply
 * becomes a task for {@code agents}.
 */
public final class CustomerReplies {

    public static final String MESSAGE = "CustomerReplied";

    /** The reply without the quoted history, at most {@value #MAX_REPLY_TEXT} characters. */
    public static final String REPLY_TEXT = "replyText";
    /** The sender's address. */
    public static final String REPLY_FROM = "replyFrom";
    /** The reply's Message-ID; the whole message is in {@code inbound_message}. */
    public static final String REPLY_MESSAGE_ID = "replyMessageId";
    /**
     * Whether the sender is a contact of the request's customer. A reply from the mailbox reaches a
     * process only when it passes {@code SenderCheck}, so there it is true; a process still checks it.
     */
    public static final String REPLY_FROM_CUSTOMER = "replyFromCustomer";

    /** Camunda keeps a string variable in a column of 4000 characters. */
    public static final int MAX_REPLY_TEXT = 4000;

    private CustomerReplies() {
    }
}
