package org.promisedesk.platform;

/** The logged-in user may not do this: a 403 problem detail with this message. */
public class Forbidden extends RuntimeException {

    public Forbidden(String detail) {
        super(detail);
    }
}
