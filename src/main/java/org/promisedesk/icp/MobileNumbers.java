package org.promisedesk.icp;

import java.util.regex.Pattern;

/** Mainland China mobile numbers: 11 digits, {@code 1[3-9]…}; +86 / 0086 and separators are accepted and dropped. */
final class MobileNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");

    /** The 11 digits, or null when it is no mainland mobile number. */
    static String normalise(String number) {
        String compact = SEPARATORS.matcher(number).replaceAll("");
        if (compact.startsWith("+86")) {
            compact = compact.substring(3);
        } else if (compact.startsWith("0086")) {
            compact = compact.substring(4);
        }
        return MOBILE.matcher(compact).matches() ? compact : null;
    }

    private MobileNumbers() {
    }
}
