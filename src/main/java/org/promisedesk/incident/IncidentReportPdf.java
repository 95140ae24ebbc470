package org.promisedesk.incident;

import org.promisedesk.platform.CalledByModels;
import static org.promisedesk.incident.PostIncidentReportProcess.CUSTOMER_ID;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_ID;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.mail.MailAttachment;
import org.springframework.stereotype.Component;

/**
 * The published report as a PDF attachment in the customer's language, for the report e-mail:
 * {@code <camunda:field name="attachments" expression="${incidentReportPdf.of(execution)}"/>} on
 * {@code Task_SendReport}. It is the document kept at publication, the one
 * {@code GET /api/incidents/{id}/report} serves, named as there. Public: the model calls it.
 */
@Component
public class IncidentReportPdf {

    private final Incidents incidents;
    private final Customers customers;

    IncidentReportPdf(Incidents incidents, Customers customers) {
        this.incidents = incidents;
        this.customers = customers;
    }

    /** Needs {@code incidentId} and {@code customerId} (the element variable of the multi-instance step). */
    @CalledByModels
    public MailAttachment of(DelegateExecution execution) {
        long incidentId = ((Number) execution.getVariable(INCIDENT_ID)).longValue();
        List<String> problems = new ArrayList<>();
        Customer customer = customers.fromVariable(CUSTOMER_ID, execution.getVariable(CUSTOMER_ID), problems);
        if (customer == null) {
            throw new ProcessEngineException(execution.getCurrentActivityId() + ": no report for incident "
                    + incidentId + ": " + String.join(", ", problems));
        }
        String language = ReportDocuments.LANGUAGES.contains(customer.preferredLanguage())
                ? customer.preferredLanguage() : ReportDocuments.LANGUAGES.get(0);
        Incidents.StoredReport report = incidents.report(incidentId, language)
                .orElseThrow(() -> new ProcessEngineException(execution.getCurrentActivityId() + ": the report of"
                        + " incident " + incidentId + " in " + language + " is not published"));
        return MailAttachment.pdf(fileName(incidentId, language), report.pdf());
    }

    /** As {@code GET /api/incidents/{id}/report} names it. */
    static String fileName(long incidentId, String language) {
        return "incident-" + incidentId + "-report." + language + ".pdf";
    }
}
