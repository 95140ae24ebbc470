package org.promisedesk.platform;

import java.util.List;

/** Which page of a list to read: {@code page} from 0, {@code size} from 1 to {@value #MAX_SIZE}. */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;

    public Paging {
        if (page < 0) {
            throw new InvalidParameter("page", "must not be negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidParameter("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> Page<T> of(List<T> items, long total) {
        return new Page<>(items, page, size, total);
    }
}
