package org.promisedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.CustomerKind;
import org.promisedesk.customer.ServiceProfile;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every template renders in both languages with realistic variables (mail-samples/), escapes what a customer
 * typed, and refuses to render with a variable missing.
 */
@EngineTest
class MailTemplatesTest {

    static final Path TEMPLATES = Path.of("src/main/resources", MailTemplates.FOLDER);
    static final Customer NORTHWIND = new Customer(1, "Northwind Traders Ltd", CustomerKind.ENTERPRISE,
            "it@northwind.example", "+442079460018", null, "en", ServiceProfile.DEPENDENT, "sales");
    static final Customer YUNFAN = new Customer(2, "上海云帆电子商务有限公司", CustomerKind.ENTERPRISE,
            "ops@yunfan.example.cn", "+862150100002", "wx:yunfan_ops", "zh-CN", ServiceProfile.VIP, "lead");

    @Autowired
    MailTemplates templates;

    static Set<String> templateNames() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".en.html"))
                    .forEach(name -> names.add(name.substring(0, name.length() - ".en.html".length())));
        }
        return names;
    }

    static Stream<Arguments> everyTemplateInEveryLanguage() throws IOException {
        return templateNames().stream().flatMap(name -> Stream.of(Arguments.of(name, NORTHWIND),
                Arguments.of(name, YUNFAN)));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("everyTemplateInEveryLanguage")
    void shouldRenderEveryTemplateInBothLanguages(String template, Customer customer) {
        MailTemplates.RenderedMail mail = templates.render(template, customer.preferredLanguage(),
                variables(template, customer));

        assertThat(mail.subject()).isNotBlank().doesNotContain("${", "[[", "[(");
        assertThat(mail.html()).contains(customer.name()).doesNotContain("${", "[[", "[(", "th:");
        assertThat(mail.text()).as("the text greets the customer").contains(customer.name())
                .doesNotContain("${", "[[", "[(", "[#", "[/]");
    }

    @Test
    void shouldEscapeWhatTheCustomerTypedInHtml() {
        Customer hostile = new Customer(99, "<script>alert(1)</script> & Co", CustomerKind.INDIVIDUAL,
                "x@example.example", null, null, "en", ServiceProfile.DEPENDENT, null);

        MailTemplates.RenderedMail mail = templates.render("promise-kept", "en", variables("promise-kept", hostile));

        assertThat(mail.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co").doesNotContain("<script>");
        assertThat(mail.text()).contains("<script>alert(1)</script> & Co");
    }

    @Test
    void shouldFailOnAMissingVariableInsteadOfLeavingAGap() {
        Map<String, Object> variables = variables("promise-kept", NORTHWIND);
        variables.remove("resultText");

        assertThatThrownBy(() -> templates.render("promise-kept", "en", variables))
                .hasStackTraceContaining("Unresolved variable 'resultText'");
    }

    @Test
    void shouldShowDatesInTheCustomersLanguageAndOurTimeZone() {
        assertThat(templates.render("promise-new-date", "en", variables("promise-new-date", NORTHWIND)).text())
                .contains("Tuesday 1 December 2026, 10:00 China Standard Time");
        assertThat(templates.render("promise-new-date", "zh-CN", variables("promise-new-date", YUNFAN)).text())
                .contains("2026年12月1日（星期二）10:00（中国标准时间）");
    }

    static Map<String, Object> variables(String template, Customer customer) {
        Map<String, Object> variables = MailSamples.of(template);
        variables.put("customer", customer);
        variables.put("customerId", customer.id());
        variables.put("requestKey", "REQ-2026-000123");
        return variables;
    }
}
