package org.promisedesk.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the customer wrote this time, without the history their mail program quoted below it:
 * everything from an attribution line ("On … wrote:", "在 … 写道：", Outlook's "-----Original
 * Message-----" or "From:/Sent:" block) on, and every line starting with {@code >}.
 */
final class QuotedHistory {

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?i)^(On\\s.*wrote:|在.*写道[：:]|-{2,}\\s*(Original Message|原始邮件)\\s*-{2,}|_{10,})\\s*$");
    private static final Pattern ON_STARTS = Pattern.compile("(?i)^On\\s.*");
    private static final Pattern HEADER_BLOCK = Pattern.compile("(?i)^(From|发件人)\\s*[:：].*");
    private static final Pattern HEADER_NEXT = Pattern.compile("(?i)^(Sent|Date|To|发送时间|日期|收件人)\\s*[:：].*");

    static String strip(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (startsHistory(lines, i, line)) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.add(lines[i].stripTrailing());
            }
        }
        return String.join("\n", kept).strip();
    }

    private static boolean startsHistory(String[] lines, int i, String line) {
        if (ATTRIBUTION.matcher(line).matches()) {
            return true;
        }
        String next = i + 1 < lines.length ? lines[i + 1].strip() : "";
        // Mail programs wrap a long "On <date>, <name> <address> wrote:" over two lines.
        if (ON_STARTS.matcher(line).matches() && next.toLowerCase().endsWith("wrote:")) {
            return true;
        }
        return HEADER_BLOCK.matcher(line).matches() && HEADER_NEXT.matcher(next).matches();
    }

    private QuotedHistory() {
    }
}
