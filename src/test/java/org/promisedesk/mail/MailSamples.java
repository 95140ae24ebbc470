package org.promisedesk.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The variables a template is rendered with in the tests: {@code src/test/resources/mail-samples/
 * <template>.json}, what its process has when it sends it (dates as ISO-8601 text). Every template
 * needs one; {@code customer} and {@code requestKey} are added by the tests.
 */
final class MailSamples {

    static final String FOLDER = "mail-samples/";

    private static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, Object> of(String template) {
        try (InputStream in = MailSamples.class.getClassLoader().getResourceAsStream(FOLDER + template + ".json")) {
            if (in == null) {
                throw new AssertionError("No sample variables for template " + template + ": add src/test/resources/"
                        + FOLDER + template + ".json (see docs/messaging.md)");
            }
            return new LinkedHashMap<>(JSON.readValue(in, new TypeReference<Map<String, Object>>() { }));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only text, numbers and yes/no: what a test process can take as variables without serialization. */
    static boolean simple(String template) {
        return of(template).values().stream()
                .allMatch(value -> value instanceof String || value instanceof Number || value instanceof Boolean);
    }

    private MailSamples() {
    }
}
