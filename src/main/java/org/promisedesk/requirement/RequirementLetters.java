package org.promisedesk.requirement;

import org.promisedesk.platform.CalledByModels;
import static org.promisedesk.requirement.RequirementProcess.CUSTOMER_ID;
import static org.promisedesk.requirement.RequirementProcess.REQUEST_KEY;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.mail.MailAttachment;
import org.promisedesk.mail.TemplateFormats;
import org.promisedesk.platform.HtmlToPdf;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The decision letter as a document the customer's team can forward to its management: the
 * page {@code templates/requirement/requirement-letter.<language>.html} (XHTML, in the customer's
 * language) rendered to PDF. The model attaches it to the letter e-mail with
 * {@code <camunda:field name="attachments" expression="${requirementLetters.pdf(execution)}"/>};
 * it gets the process variables, {@code customer}, {@code requestKey}, {@code letterDate} and
 * {@code fmt}, like the e-mail.
 */
@Component
public class RequirementLetters {

    static final String FORMATS = "fmt";
    static final String LETTER_DATE = "letterDate";

    private final TemplateEngine engine = new TemplateEngine();
    private final Customers customers;
    private final HtmlToPdf htmlToPdf;
    private final RequirementSettings settings;

    RequirementLetters(Customers customers, HtmlToPdf htmlToPdf, RequirementSettings settings) {
        this.customers = customers;
        this.htmlToPdf = htmlToPdf;
        this.settings = settings;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/requirement/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        engine.setTemplateResolver(resolver);
    }

    /** The letter of this requirement as a PDF attachment, named after the request. */
    @CalledByModels
    public MailAttachment pdf(DelegateExecution execution) {
        Object id = execution.getVariable(CUSTOMER_ID);
        Customer customer = id instanceof Number number ? customers.findById(number.longValue()).orElse(null) : null;
        if (customer == null) {
            throw new ProcessEngineException("No customer " + id + " for the decision letter");
        }
        Map<String, Object> variables = new HashMap<>();
        execution.getVariables().forEach((name, value) -> {
            if (value != null) {
                variables.put(name, value);
            }
        });
        String requestKey = (String) execution.getVariable(REQUEST_KEY);
        return MailAttachment.pdf(fileName(requestKey, customer.preferredLanguage()),
                pdf(customer, variables));
    }

    /** The letter as a PDF for these variables (the process's, or a test's). */
    byte[] pdf(Customer customer, Map<String, Object> variables) {
        return htmlToPdf.render(html(customer, variables));
    }

    /** The letter as an XHTML page. */
    String html(Customer customer, Map<String, Object> variables) {
        Locale locale = customer.locale();
        Map<String, Object> all = new HashMap<>(variables);
        all.put("customer", customer);
        all.putIfAbsent(LETTER_DATE, ClockUtil.getCurrentTime());
        all.put(FORMATS, new TemplateFormats(settings.timeZone(), locale));
        return engine.process("requirement-letter." + customer.preferredLanguage(), new Context(locale, all));
    }

    static String fileName(String requestKey, String language) {
        String prefix = "zh-CN".equals(language) ? "需求决定函" : "Decision-letter";
        return prefix + "-" + (requestKey == null ? "request" : requestKey) + ".pdf";
    }
}
