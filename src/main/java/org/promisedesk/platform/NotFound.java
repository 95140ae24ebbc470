package org.promisedesk.platform;

/** What an API call asked for does not exist: a 404 problem detail with this title and message. */
public class NotFound extends RuntimeException {

    private final String title;

    public NotFound(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
