package org.promisedesk.mail;

/** What became of an e-mail read from the support mailbox ({@code inbound_message.disposition}). */
enum Disposition {
    /** A reply to a request, given to the process instances waiting for {@code CustomerReplied}. */
    REPLY_CORRELATED,
    /** A reply to a request nothing waits for: a task for an agent. */
    REPLY_NOTE_FOR_AGENT,
    /** No known request: a new one ({@link InboundRequests}). */
    NEW_REQUEST,
    /** An out-of-office, a delivery report or bulk mail: recorded, nothing else. */
    AUTO_REPLY_IGNORED,
    /** Our own message come back: recorded, nothing else, so that it cannot go round again. */
    LOOP_IGNORED,
    /** Over {@code max-size}: recorded from its headers, body not read; a task tells an agent. */
    OVERSIZED_REJECTED,
    /** Handling it threw: recorded with the error; a task tells an agent. */
    FAILED
}
