package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.CUSTOMER_ID;
import static org.promisedesk.intake.IntakeProcess.IDENTIFICATION;
import static org.promisedesk.intake.IntakeProcess.IDENTIFICATIONS;
import static org.promisedesk.intake.IntakeProcess.IDENTIFY_EXISTING;
import static org.promisedesk.intake.IntakeProcess.PROSPECT_EMAIL;
import static org.promisedesk.intake.IntakeProcess.PROSPECT_IM_HANDLE;
import static org.promisedesk.intake.IntakeProcess.PROSPECT_KIND;
import static org.promisedesk.intake.IntakeProcess.PROSPECT_LANGUAGE;
import static org.promisedesk.intake.IntakeProcess.PROSPECT_NAME;
import static org.promisedesk.intake.IntakeProcess.PROSPECT_PHONE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.CustomerKind;
import org.promisedesk.customer.Customers;
import org.promisedesk.intake.Prospects.Prospect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_IdentifyCustomer}: either an existing customer ({@code customerId}) or
 * a prospect to register (a name, and an e-mail address unless another customer has it; phone, IM
 * handle, language and kind optional). Anything else is rejected naming the fields, and the task
 * stays open.
 */
@Component
class CheckIdentification implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckIdentification.class);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Customers customers;
    private final Prospects prospects;

    CheckIdentification(Customers customers, Prospects prospects) {
        this.customers = customers;
        this.prospects = prospects;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        Object how = task.getVariable(IDENTIFICATION);
        Customer customer;
        if (IDENTIFY_EXISTING.equals(how)) {
            customer = customers.fromVariable(CUSTOMER_ID, task.getVariable(CUSTOMER_ID), problems);
            Texts.reject("The customer is not identified", problems);
        } else if (IntakeProcess.IDENTIFY_REGISTER.equals(how)) {
            Prospect prospect = prospect(task, problems);
            Texts.reject("The contact cannot be registered", problems);
            long id = prospects.register(prospect);
            customer = customers.findById(id).orElseThrow();
            log.info("Request {}: contact registered as prospect customer {}", task.getExecution().getProcessBusinessKey(), id);
        } else {
            problems.add(IDENTIFICATION + " is required: one of " + String.join(", ", IDENTIFICATIONS));
            Texts.reject("The customer is not identified", problems);
            return;
        }
        FindCustomer.identified(task.getExecution(), customer);
    }

    private Prospect prospect(DelegateTask task, List<String> problems) {
        String name = Texts.requiredLine(task.getVariable(PROSPECT_NAME), PROSPECT_NAME, 2, 200, problems);
        String email = Texts.requiredLine(task.getVariable(PROSPECT_EMAIL), PROSPECT_EMAIL, 3, 254, problems);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(PROSPECT_EMAIL + " '" + email + "' is not an e-mail address");
        } else if (email != null && customers.findByEmail(email).isPresent()) {
            problems.add(PROSPECT_EMAIL + " " + email + " belongs to customer " + customers.findByEmail(email).get().id()
                    + ": choose that customer instead");
        }
        String phone = Texts.optionalLine(task.getVariable(PROSPECT_PHONE), PROSPECT_PHONE, 40, problems);
        String im = Texts.optionalLine(task.getVariable(PROSPECT_IM_HANDLE), PROSPECT_IM_HANDLE, 100, problems);
        String language = Texts.optionalLine(task.getVariable(PROSPECT_LANGUAGE), PROSPECT_LANGUAGE, 5, problems);
        if (language == null) {
            language = "zh-CN";
        } else if (!language.equals("zh-CN") && !language.equals("en")) {
            problems.add(PROSPECT_LANGUAGE + " '" + language + "' is not zh-CN or en");
        }
        String kind = Texts.optionalLine(task.getVariable(PROSPECT_KIND), PROSPECT_KIND, 20, problems);
        kind = kind == null ? CustomerKind.INDIVIDUAL.name() : kind.toUpperCase(Locale.ROOT);
        try {
            CustomerKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            problems.add(PROSPECT_KIND + " '" + kind + "' is not ENTERPRISE, INDIVIDUAL or RESELLER");
        }
        return new Prospect(name, kind, email, phone, im, language);
    }
}
