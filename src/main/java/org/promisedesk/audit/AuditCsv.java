package org.promisedesk.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The trail as RFC 4180 CSV: a header row, CRLF line ends, fields quoted where they must be. */
final class AuditCsv {

    static final List<String> HEADER = List.of("time", "kind", "process", "processInstanceId", "activity",
            "user", "summary", "details");

    static String of(Trail trail, ObjectMapper json) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (AuditEntry entry : trail.entries()) {
            row(csv, fields(entry, json));
        }
        return csv.toString();
    }

    /** The columns of {@link #HEADER} for one entry. */
    static List<String> fields(AuditEntry entry, ObjectMapper json) {
        List<String> fields = new ArrayList<>(HEADER.size());
        fields.add(text(entry.time()));
        fields.add(entry.kind().name());
        fields.add(text(entry.process()));
        fields.add(text(entry.processInstanceId()));
        fields.add(text(entry.activity()));
        fields.add(text(entry.user()));
        fields.add(text(entry.summary()));
        fields.add(details(entry, json));
        return fields;
    }

    /** One record, CRLF-terminated. */
    static void row(Appendable csv, List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv.append(quoted(fields.get(i)));
            }
            csv.append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private AuditCsv() {
    }
}
