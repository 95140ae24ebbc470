package org.promisedesk.customer;

import java.util.Locale;

/** A lower-case "contains" pattern for {@code LIKE ... ESCAPE '\'} that matches the text literally. */
final class LikePattern {

    static final String ESCAPE = " ESCAPE '\\'";

    private LikePattern() {
    }

    static String contains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
