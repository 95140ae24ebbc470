package org.promisedesk.incident;

import org.promisedesk.platform.HtmlToPdf;
import static org.promisedesk.incident.PostIncidentReportProcess.ACTION_IDS;
import static org.promisedesk.incident.PostIncidentReportProcess.DUE_DATE;
import static org.promisedesk.incident.PostIncidentReportProcess.INCIDENT_ID;
import static org.promisedesk.incident.PostIncidentReportProcess.KIND;
import static org.promisedesk.incident.PostIncidentReportProcess.OWNER;
import static org.promisedesk.incident.PostIncidentReportProcess.REPORT_ACTIONS;
import static org.promisedesk.incident.PostIncidentReportProcess.REPORT_TIMELINE;
import static org.promisedesk.incident.PostIncidentReportProcess.AT;
import static org.promisedesk.incident.PostIncidentReportProcess.TEXT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PublishIncidentReport} (its own job): the approved draft becomes the report. It is rendered
 * in every language as HTML and PDF and kept in {@code incident_report} for the audit trail and
 * {@code GET /api/incidents/{id}/report}; each action becomes a row of {@code incident_action},
 * to be kept as a promise; and the templates of the e-mails get the timeline and the actions as
 * lists ({@code reportTimeline}, {@code reportActions}: maps with ISO times, JSON-serialized).
 */
@Component
class PublishIncidentReport implements JavaDelegate {

    static final String PUBLISHED_AT = "publishedAt";
    static final String OWNER_NAME = "ownerName";

    private static final Logger log = LoggerFactory.getLogger(PublishIncidentReport.class);

    private final ReportDrafts drafts;
    private final ReportDocuments documents;
    private final HtmlToPdf htmlToPdf;
    private final Incidents incidents;
    private final IncidentActions actions;
    private final StaffNames names;
    private final IncidentSettings settings;

    PublishIncidentReport(ReportDrafts drafts, ReportDocuments documents, HtmlToPdf htmlToPdf, Incidents incidents,
            IncidentActions actions, StaffNames names, IncidentSettings settings) {
        this.drafts = drafts;
        this.documents = documents;
        this.htmlToPdf = htmlToPdf;
        this.incidents = incidents;
        this.actions = actions;
        this.names = names;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long incidentId = ((Number) execution.getVariable(INCIDENT_ID)).longValue();
        ReportDrafts.Draft draft = drafts.check(execution, "The report of incident " + incidentId
                + " cannot be published");
        Instant now = ClockUtil.getCurrentTime().toInstant();

        List<Map<String, String>> timeline = new ArrayList<>();
        draft.timeline().forEach(entry -> timeline.add(entry(AT, Times.iso(entry.at(), settings.timeZone()),
                TEXT, entry.text())));
        List<Map<String, String>> actionItems = new ArrayList<>();
        List<Long> actionIds = new ArrayList<>();
        for (ReportDrafts.Action action : draft.actions()) {
            String owner = names.of(action.owner());
            actionItems.add(entry(KIND, action.kind(), TEXT, action.text(), OWNER, action.owner(),
                    OWNER_NAME, owner == null ? action.owner() : owner,
                    DUE_DATE, Times.iso(action.dueAt(), settings.timeZone())));
            actionIds.add(actions.insert(incidentId, actionIds.size() + 1, action.kind(), action.text(),
                    action.owner(), action.dueAt()));
        }

        Map<String, Object> content = new HashMap<>(execution.getVariables());
        content.put(REPORT_TIMELINE, timeline);
        content.put(REPORT_ACTIONS, actionItems);
        content.put(PUBLISHED_AT, Date.from(now));
        for (String language : ReportDocuments.LANGUAGES) {
            String html = documents.render(language, content);
            incidents.saveReport(incidentId, language, html, htmlToPdf.render(html), now);
        }
        incidents.markPublished(incidentId, now);

        execution.setVariable(REPORT_TIMELINE, json(timeline));
        execution.setVariable(REPORT_ACTIONS, json(actionItems));
        execution.setVariable(ACTION_IDS, json(actionIds));
        execution.setVariable(PUBLISHED_AT, Date.from(now));
        log.info("Request {}: report of incident {} published with {} timeline entries and {} actions",
                execution.getProcessBusinessKey(), incidentId, timeline.size(), actionIds.size());
    }

    private static Map<String, String> entry(String... keysAndValues) {
        Map<String, String> entry = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entry.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return entry;
    }

    static Object json(Object value) {
        return Variables.objectValue(value).serializationDataFormat(SerializationDataFormats.JSON).create();
    }
}
