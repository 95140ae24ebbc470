package org.promisedesk.audit;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The trail as RFC 4180 CSV: a header row, CRLF line ends, fields quoted where they must be. */
final class AuditCsv {

    private static final List<String> HEADER = List.of("time", "kind", "process", "processInstanceId", "activity",
            "user", "summary", "details");

    static String of(Trail trail, ObjectMapper json) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (AuditEntry entry : trail.entries()) {
            row(csv, List.of(text(entry.time()), entry.kind().name(), text(entry.process()),
                    text(entry.processInstanceId()), text(entry.activity()), text(entry.user()), text(entry.summary()),
                    details(entry, json)));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String quoted(String field) {
        boolean mustQuote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0;
        return mustQuote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    private static String details(AuditEntry entry, ObjectMapper json) {
        try {
            return entry.details().isEmpty() ? "" : json.writeValueAsString(entry.details());
        } catch (JsonProcessingException e) {
            return String.valueOf(entry.details());
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private AuditCsv() {
    }
}
