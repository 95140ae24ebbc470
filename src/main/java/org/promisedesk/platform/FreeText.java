package org.promisedesk.platform;

/**
 * The one rule for text a person writes (a request's subject and body, every form's text fields):
 * plain text that shows something. Refused, because they reach e-mail headers, logs and other
 * people's screens: control characters (C0, DEL, C1; NUL included) other than tab and line
 * breaks, bidirectional overrides, embeddings and isolates (U+202A–U+202E, U+2066–U+2069, which
 * make text read differently from what it is), and text with nothing visible once white space
 * and invisible format characters (zero-width spaces, joiners, U+2060, U+FEFF, category Cf) are
 * removed. A single-line field (a subject, a name) takes no line break at all; a multi-line one
 * takes {@code \n}, {@code \r\n}, U+2028 and U+2029, but no lone {@code \r}.
 *
 * <p>Used by {@code POST /api/requests}, by the intake process's own check and by the check of
 * every submitted form ({@link FormTextCheck}). Length rules stay with each field's owner.
 */
public final class FreeText {

    private FreeText() {
    }

    /** What is wrong with {@code text} as a single-line field, or null when nothing is. */
    public static String singleLineProblem(String text) {
        return problem(text, false);
    }

    /** What is wrong with {@code text} as a multi-line field, or null when nothing is. */
    public static String multiLineProblem(String text) {
        return problem(text, true);
    }

    /**
     * The first thing wrong with the text, as the end of a sentence that starts with the field's
     * name ("subject contains a control character (U+0000)"), or null. Null text is no problem:
     * whether a field is required is its owner's rule.
     */
    public static String problem(String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (isLineBreak(text, i, c)) {
                if (!multiLine) {
                    return "must be a single line: it contains a line break";
                }
            } else if (c == '\r') {
                return "contains a carriage return that does not end a line (U+000D)";
            } else if (c != '\t' && Character.getType(c) == Character.CONTROL) {
                return "contains a control character (" + codePoint(c) + ")";
            } else if (isBidiControl(c)) {
                return "contains a bidirectional text control character (" + codePoint(c) + ")";
            } else if (!isInvisible(c)) {
                visible = true;
            }
            i = next;
        }
        return visible || text.isBlank() ? null : "has no visible characters";
    }

    /**
     * The text with what {@link #problem} refuses taken out, for text nobody can be asked to send
     * again (an e-mail): a line break in a single-line text becomes a space, a lone {@code \r} a
     * line break, control and bidirectional characters are removed. Text with nothing visible
     * comes back empty.
     */
    public static String cleaned(String text, boolean multiLine) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean visible = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (isLineBreak(text, i, c) || c == '\r') {
                if (c == '\r' && next < text.length() && text.charAt(next) == '\n') {
                    next++;
                }
                out.append(multiLine ? "\n" : " ");
            } else if (c == '\t' || Character.getType(c) != Character.CONTROL && !isBidiControl(c)) {
                out.appendCodePoint(c);
                visible |= !isInvisible(c);
            }
            i = next;
        }
        return visible ? out.toString() : "";
    }

    /** {@code \n}, {@code \r\n} (at its {@code \r}), U+2028 and U+2029. */
    private static boolean isLineBreak(String text, int at, int c) {
        return c == '\n' || c == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n'
                || c == '\u2028' || c == '\u2029';
    }

    private static boolean isBidiControl(int c) {
        return c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /** White space, and format characters (Cf: U+200B–U+200D, U+2060, U+FEFF, soft hyphen, …). */
    private static boolean isInvisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT
                || c == 0x3164 || c == 0x115F || c == 0x1160 || c == 0x2800;
    }

    private static String codePoint(int c) {
        return String.format("U+%04X", c);
    }
}
