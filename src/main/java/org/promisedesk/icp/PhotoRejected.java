package org.promisedesk.icp;

import org.springframework.http.HttpStatus;

/** A photo, or a request about one, that is refused; the API answers with this status. */
class PhotoRejected extends RuntimeException {

    private final HttpStatus status;

    PhotoRejected(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
