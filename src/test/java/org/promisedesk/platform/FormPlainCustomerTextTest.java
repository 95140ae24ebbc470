package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a customer wrote is shown as plain text in every form: form-js renders a text component as
 * Markdown, so a customer's {@code ![](https://tracker.example/pixel.png)} or link in a subject or
 * e-mail became an image the agent's browser fetched and a live link. Their words are shown in
 * disabled fields instead (a field's value is plain text, and a disabled field is not submitted).
 */
class FormPlainCustomerTextTest {

    /** The variables that hold text a customer wrote: the request, the symptom, their e-mail replies. */
    static final List<String> CUSTOMER_WRITTEN = List.of("subject", "body", "symptom", "statedRequest", "replyFrom",
            "replyText");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldNeverPutWhatACustomerWroteIntoMarkdown() throws IOException {
        List<String> inMarkdown = new ArrayList<>();
        List<String> shownAsPlainText = new ArrayList<>();
        for (Path form : forms()) {
            walk(json.readTree(form.toFile()).path("components"), form, inMarkdown, shownAsPlainText);
        }
        assertThat(inMarkdown).as("text components that render a customer's words as Markdown").isEmpty();
        assertThat(shownAsPlainText).as("the customer's words are still shown").hasSizeGreaterThan(20);
    }

    private void walk(JsonNode components, Path form, List<String> inMarkdown, List<String> shownAsPlainText) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (type.equals("text")) {
                String text = component.path("text").asText();
                CUSTOMER_WRITTEN.stream()
                        .filter(variable -> Pattern.compile("\\{\\{\\s*" + variable + "\\b").matcher(text).find()
                                || text.matches("(?s)=.*\\b" + variable + "\\b.*"))
                        .forEach(variable -> inMarkdown.add(form.getFileName() + " " + component.path("id").asText()
                                + ": " + variable));
            }
            if (CUSTOMER_WRITTEN.contains(component.path("key").asText()) && component.path("disabled").asBoolean()) {
                assertThat(type).as(form + " " + component.path("id").asText()).isIn("textfield", "textarea");
                shownAsPlainText.add(form.getFileName() + " " + component.path("key").asText());
            }
            walk(component.path("components"), form, inMarkdown, shownAsPlainText);
        }
    }

    private static List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
        }
    }
}
