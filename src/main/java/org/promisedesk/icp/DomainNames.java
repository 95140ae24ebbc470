package org.promisedesk.icp;

import java.net.IDN;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Domain names as a filing lists them: internationalised names too ({@code 例子.中国}), compared
 * in their ASCII form ({@code xn--fsqu00a.xn--fiqs8s}). At least two labels of letters, digits and
 * inner hyphens, each at most 63 characters, at most 253 in all, and a top-level label that is
 * letters or an IDN ({@code xn--…}). No scheme, path, port or wildcard.
 */
final class DomainNames {

    record Domain(String ascii, String unicode) {
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，;；、]+");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");

    /** The entries of a list as typed: separated by commas, semicolons, blanks or lines. */
    static List<String> split(String list) {
        return Arrays.stream(SEPARATORS.split(list.strip())).filter(entry -> !entry.isEmpty()).toList();
    }

    /** The domain in both forms, lower-case and without a final dot; null when it is no domain name. */
    static Domain parse(String entry) {
        String name = entry.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".") || name.endsWith("。")) {
            name = name.substring(0, name.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return null;
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            return null;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return new Domain(ascii, IDN.toUnicode(ascii));
    }

    /** Whether {@code name} is {@code domain} or one of its subdomains (both in ASCII form). */
    static boolean within(String name, String domain) {
        return name.equals(domain) || name.endsWith("." + domain);
    }

    private DomainNames() {
    }
}
