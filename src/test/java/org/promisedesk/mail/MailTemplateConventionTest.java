package org.promisedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaField;
import org.junit.jupiter.api.Test;
import org.promisedesk.promise.PromiseProcess;

/**
 * Templates and models fit together: every template exists in every language and both formats,
 * and every message step in processes/ starts a job of its own and names a template that exists.
 */
class MailTemplateConventionTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Pattern FILE = Pattern.compile("([a-z0-9-]+)\\.(en|zh-CN)\\.(html|txt)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}");

    /** The values a variable in a template expression takes, where a process defines them. */
    private static final Map<String, List<String>> KNOWN_VALUES = Map.of(
            PromiseProcess.PROMISE_OUTCOME, PromiseProcess.OWNER_OUTCOMES);

    @Test
    void shouldHaveEveryTemplateInBothLanguagesAndBothFormats() throws IOException {
        Set<String> names = MailTemplatesTest.templateNames();
        assertThat(names).isNotEmpty();
        List<String> files;
        try (Stream<Path> list = Files.list(MailTemplatesTest.TEMPLATES)) {
            files = list.map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertThat(files).allSatisfy(file -> assertThat(file).as("a template file name").matches(FILE));
        for (String name : names) {
            for (String language : MailTemplates.LANGUAGES) {
                assertThat(files).contains(name + "." + language + ".html", name + "." + language + ".txt");
            }
        }
    }

    @Test
    void shouldWriteEachLanguageInItsOwnLanguage() throws IOException {
        try (Stream<Path> list = Files.list(MailTemplatesTest.TEMPLATES)) {
            for (Path file : list.toList()) {
                String text = Files.readString(file);
                if (file.getFileName().toString().contains(".zh-CN.")) {
                    assertThat(text).as(file.toString()).containsPattern("\\p{IsHan}{4}");
                } else {
                    assertThat(text).as("%s is English", file).doesNotContainPattern("\\p{IsHan}");
                }
            }
        }
    }

    @Test
    void shouldNameAnExistingTemplateInEveryMessageStepAndRunItAsync() throws IOException {
        Set<String> names = MailTemplatesTest.templateNames();
        List<ServiceTask> steps = messageSteps();
        assertThat(steps).isNotEmpty();
        for (ServiceTask step : steps) {
            assertThat(step.isCamundaAsyncBefore()).as("%s is asyncBefore", step.getId()).isTrue();
            CamundaField field = step.getExtensionElements().getElementsQuery().filterByType(CamundaField.class)
                    .list().stream().filter(f -> "template".equals(f.getCamundaName())).findFirst().orElse(null);
            assertThat(field).as("%s has the field 'template'", step.getId()).isNotNull();
            for (String template : possibleTemplates(templateOf(field))) {
                if (template.endsWith("*")) {
                    String prefix = template.substring(0, template.length() - 1);
                    assertThat(names).as("%s: a template starting %s", step.getId(), prefix)
                            .anyMatch(name -> name.startsWith(prefix));
                } else {
                    assertThat(names).as("template of %s", step.getId()).contains(template);
                }
            }
        }
    }

    private static String templateOf(CamundaField field) {
        if (field.getCamundaStringValue() != null) {
            return field.getCamundaStringValue();
        }
        if (field.getCamundaExpression() != null) {
            return field.getCamundaExpression();
        }
        if (field.getCamundaExpressionChild() != null) {
            return field.getCamundaExpressionChild().getTextContent().strip();
        }
        return field.getCamundaString().getTextContent().strip();
    }

    /** {@code promise-${promiseOutcome}} → each known outcome; an unknown variable → {@code promise-*}. */
    private static List<String> possibleTemplates(String value) {
        Matcher matcher = VARIABLE.matcher(value);
        if (!matcher.find()) {
            return List.of(value);
        }
        List<String> values = KNOWN_VALUES.get(matcher.group(1));
        if (values == null) {
            return List.of(value.substring(0, matcher.start()) + "*");
        }
        List<String> templates = new ArrayList<>();
        for (String known : values) {
            templates.addAll(possibleTemplates(value.substring(0, matcher.start()) + known + value.substring(matcher.end())));
        }
        return templates;
    }

    private static List<ServiceTask> messageSteps() throws IOException {
        List<ServiceTask> steps = new ArrayList<>();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".bpmn")).toList()) {
                Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(ServiceTask.class).stream()
                        .filter(task -> "${sendCustomerMessage}".equals(task.getCamundaDelegateExpression()))
                        .forEach(steps::add);
            }
        }
        return steps;
    }
}
