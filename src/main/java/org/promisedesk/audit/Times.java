package org.promisedesk.audit;

import java.time.Instant;
import java.util.Date;

final class Times {

    static Instant of(Date date) {
        return date == null ? null : date.toInstant();
    }

    private Times() {
    }
}
