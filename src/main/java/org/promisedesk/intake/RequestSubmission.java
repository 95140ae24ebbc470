package org.promisedesk.intake;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.promisedesk.platform.InvalidParameter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/requests}, read strictly: a JSON object with only these properties,
 * each of its type, else a 400 naming the property. (Malformed JSON never gets here: the
 * platform's problem details answer it.)
 */
record RequestSubmission(String customerEmail, Long customerId, String channel, String subject, String body,
        String priority) {

    static final List<String> PROPERTIES = List.of("customerEmail", "customerId", "channel", "subject", "body",
            "priority");

    static RequestSubmission of(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new NotAnObject("The request body must be a JSON object with " + String.join(", ", PROPERTIES));
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
            String name = fields.next().getKey();
            if (!PROPERTIES.contains(name)) {
                throw new InvalidParameter(name, "is not known; a request has " + String.join(", ", PROPERTIES));
            }
        }
        JsonNode id = json.get("customerId");
        if (id != null && !id.isNull() && !(id.isIntegralNumber() && id.canConvertToLong())) {
            throw new InvalidParameter("customerId", "must be an integer");
        }
        return new RequestSubmission(text(json, "customerEmail"), id == null || id.isNull() ? null : id.asLong(),
                text(json, "channel"), text(json, "subject"), text(json, "body"), text(json, "priority"));
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidParameter(name, "must be a string");
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
