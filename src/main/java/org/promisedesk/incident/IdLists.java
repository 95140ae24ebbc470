package org.promisedesk.incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of ids as callers give it: a list (of numbers or text), one number, a comma-separated
 * text ({@code "1, 2"}, what a start form's text field submits) or a JSON array ({@code [1,2]}).
 * Duplicates are dropped, the order kept.
 */
final class IdLists {

    /**
     * @throws IllegalArgumentException naming the first entry that is not an id
     */
    static List<Long> parse(Object value) {
        Set<Long> ids = new LinkedHashSet<>();
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> items) {
            items.forEach(item -> ids.add(id(item)));
        } else if (value instanceof Number number) {
            ids.add(id(number));
        } else {
            String text = value.toString().strip();
            if (text.startsWith("[") && text.endsWith("]")) {
                text = text.substring(1, text.length() - 1);
            }
            for (String part : text.split("[,;\\s]+")) {
                if (!part.isBlank()) {
                    ids.add(id(part));
                }
            }
        }
        return new ArrayList<>(ids);
    }

    private static Long id(Object item) {
        if (item instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() > 0) {
            return number.longValue();
        }
        String text = item == null ? "" : item.toString().strip().replace("\"", "");
        if (text.matches("[1-9]\\d{0,17}")) {
            return Long.valueOf(text);
        }
        throw new IllegalArgumentException("'" + item + "' is not an id");
    }

    private IdLists() {
    }
}
