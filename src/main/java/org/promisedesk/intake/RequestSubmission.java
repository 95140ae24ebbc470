package org.promisedesk.intake;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.promisedesk.platform.Problems;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/requests}, read strictly: a JSON object with only these properties,
 * each of its type. A property that is unknown or of another type is added to the problems and
 * left out (null), so that the other checks still run and the 400 names every bad property.
 * (Malformed JSON, a duplicate property and data after the object never get here: the platform's
 * problem details answer them, application.yaml's {@code spring.jackson}.)
 */
record RequestSubmission(String customerEmail, Long customerId, String channel, String subject, String body,
        String priority) {

    static final List<String> PROPERTIES = List.of("customerEmail", "customerId", "channel", "subject", "body",
            "priority");

    static RequestSubmission of(JsonNode json, Problems problems) {
        if (json == null || !json.isObject()) {
            throw new NotAnObject("The request body must be a JSON object with " + String.join(", ", PROPERTIES));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
            String name = fields.next().getKey();
            if (!PROPERTIES.contains(name)) {
                problems.add(name, "is not known; a request has " + String.join(", ", PROPERTIES));
            }
        }
        return new RequestSubmission(text(json, "customerEmail", problems), id(json, problems),
                text(json, "channel", problems), text(json, "subject", problems), text(json, "body", problems),
                text(json, "priority", problems));
    }

    private static Long id(JsonNode json, Problems problems) {
        JsonNode id = json.get("customerId");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!(id.isIntegralNumber() && id.canConvertToLong())) {
            problems.add("customerId", "must be an integer");
            return null;
        }
        return id.asLong();
    }

    private static String text(JsonNode json, String name, Problems problems) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(name, "must be a string");
            return null;
        }
        return value.textValue();
    }

    /** A body that is JSON but no object: a 400 without a property to name. */
    static class NotAnObject extends RuntimeException {
        NotAnObject(String detail) {
            super(detail);
        }
    }
}
