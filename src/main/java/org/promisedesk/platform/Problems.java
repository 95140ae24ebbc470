package org.promisedesk.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bad fields of one request, collected so that one answer names them all: each check adds
 * what it found and goes on; {@link #throwIfAny()} at the end throws one {@link InvalidParameter}
 * before anything was changed. A field keeps its first problem.
 */
public final class Problems {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public void add(String field, String problem) {
        byField.putIfAbsent(field, problem);
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    /** Adds every problem of {@code rejected}. */
    public void addAll(InvalidParameter rejected) {
        rejected.problems().forEach(this::add);
    }

    public void throwIfAny() {
        if (!byField.isEmpty()) {
            throw new InvalidParameter(byField);
        }
    }
}
