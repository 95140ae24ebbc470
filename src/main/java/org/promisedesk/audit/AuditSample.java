package org.promisedesk.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.promisedesk.intake.IntakeProcess;
import org.promisedesk.platform.InvalidParameters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A sample of requests for an auditor (issue 21, item 3): the requests that match a date range,
 * class, customer, process or outcome, one row each, or with {@code trails=true} every entry of
 * each one's trail, as CSV or JSON. Written while it is read: the history is read one page of
 * requests at a time ({@code promise-desk.audit.sample-page-size}) and each page is written out and
 * flushed before the next is read, so the memory it takes is one page, however many requests match.
 */
@Component
class AuditSample {

    static final List<String> PARAMETERS = List.of("from", "to", "class", "customerId", "process", "outcome",
            "format", "trails");
    private static final List<String> OUTCOMES = List.of("open", "completed", "cancelled");
    private static final List<String> VARIABLES = List.of(IntakeProcess.REQUEST_CLASS, IntakeProcess.CUSTOMER_ID,
            IntakeProcess.PRIORITY);
    static final List<String> REQUEST_HEADER = List.of("requestKey", "process", "processInstanceId", "requestClass",
            "customerId", "priority", "state", "started", "ended");

    /** What was asked for, checked. */
    record Request(AuditSearch.Criteria criteria, String format, boolean trails) {
    }

    /** One request of the sample; {@code entries} only with {@code trails=true}. */
    record SampleRequest(String requestKey, String process, String processInstanceId, String requestClass,
            Object customerId, Object priority, String state, Instant started, Instant ended,
            List<AuditEntry> entries) {
    }

    private final HistoryService historyService;
    private final AuditSearch search;
    private final AuditTrail trails;
    private final ObjectMapper json;
    private final int pageSize;

    AuditSample(HistoryService historyService, AuditSearch search, AuditTrail trails, ObjectMapper json,
            @Value("${promise-desk.audit.sample-page-size:500}") int pageSize) {
        this.historyService = historyService;
        this.search = search;
        this.trails = trails;
        this.json = json;
        this.pageSize = pageSize;
    }

    /** The parameters checked all at once: a 400 names every one that is wrong. */
    static Request parse(Map<String, String> parameters) {
        Map<String, String> problems = new LinkedHashMap<>();
        parameters.keySet().stream().filter(name -> !PARAMETERS.contains(name)).forEach(name ->
                problems.put(name, "is not a parameter of the sample; use " + String.join(", ", PARAMETERS)));
        LocalDate from = date(parameters, "from", problems);
        LocalDate to = date(parameters, "to", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.put("to", "must not be before from");
        }
        String requestClass = blankToNull(parameters.get("class"));
        if (requestClass != null && !IntakeProcess.CLASSES.contains(requestClass)) {
            problems.put("class", "must be one of " + String.join(", ", IntakeProcess.CLASSES));
        }
        Long customerId = null;
        String customer = blankToNull(parameters.get("customerId"));
        if (customer != null) {
            try {
                customerId = Long.valueOf(customer);
                if (customerId < 1) {
                    problems.put("customerId", "must be a customer id, a whole number from 1");
                }
            } catch (NumberFormatException e) {
                problems.put("customerId", "must be a customer id, a whole number from 1");
            }
        }
        String outcome = blankToNull(parameters.get("outcome"));
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            problems.put("outcome", "must be open, completed or cancelled");
        }
        String process = blankToNull(parameters.get("process"));
        if (process != null && !process.matches("[A-Za-z0-9_-]{1,255}")) {
            problems.put("process", "must be a process id such as intake");
        }
        String format = parameters.getOrDefault("format", "csv");
        if (!format.equals("csv") && !format.equals("json")) {
            problems.put("format", "must be csv or json");
        }
        String trail = parameters.getOrDefault("trails", "false");
        if (!trail.equals("true") && !trail.equals("false")) {
            problems.put("trails", "must be true or false");
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameters(problems);
        }
        return new Request(new AuditSearch.Criteria(from, to, customerId, process, outcome, requestClass), format,
                trail.equals("true"));
    }

    /** Writes the sample to {@code out}, page by page; the number of requests written. */
    long write(Request request, OutputStream out) throws IOException {
        return request.format().equals("json") ? writeJson(request, out) : writeCsv(request, out);
    }

    private long writeCsv(Request request, OutputStream out) throws IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<String> header = new ArrayList<>();
        if (request.trails()) {
            header.add("requestKey");
            header.addAll(AuditCsv.HEADER);
        } else {
            header.addAll(REQUEST_HEADER);
        }
        AuditCsv.row(csv, header);
        long written = forEachPage(request, page -> {
            for (SampleRequest found : page) {
                if (request.trails()) {
                    for (AuditEntry entry : found.entries()) {
                        List<String> fields = new ArrayList<>();
                        fields.add(found.requestKey());
                        fields.addAll(AuditCsv.fields(entry, json));
                        AuditCsv.row(csv, fields);
                    }
                } else {
                    AuditCsv.row(csv, List.of(found.requestKey(), found.process(), found.processInstanceId(),
                            AuditCsv.text(found.requestClass()), AuditCsv.text(found.customerId()),
                            AuditCsv.text(found.priority()), found.state(), AuditCsv.text(found.started()),
                            AuditCsv.text(found.ended())));
                }
            }
            csv.flush();
        });
        csv.flush();
        return written;
    }

    private long writeJson(Request request, OutputStream out) throws IOException {
        JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8);
        generator.setCodec(json);
        generator.writeStartObject();
        generator.writeObjectField("criteria", request.criteria());
        generator.writeArrayFieldStart("requests");
        long written = forEachPage(request, page -> {
            for (SampleRequest found : page) {
                generator.writeObject(found);
            }
            generator.flush();
        });
        generator.writeEndArray();
        generator.writeNumberField("count", written);
        generator.writeEndObject();
        generator.flush();
        return written;
    }

    interface PageWriter {
        void write(List<SampleRequest> page) throws IOException;
    }

    /** Reads the matching requests one page at a time, oldest first, and hands each page on. */
    private long forEachPage(Request request, PageWriter writer) throws IOException {
        long written = 0;
        for (int offset = 0;; offset += pageSize) {
            List<HistoricProcessInstance> page = search.query(request.criteria()).orderByProcessInstanceStartTime()
                    .asc().orderByProcessInstanceId().asc().listPage(offset, pageSize);
            if (page.isEmpty()) {
                return written;
            }
            Map<String, Map<String, Object>> variables = variables(page);
            List<SampleRequest> rows = new ArrayList<>(page.size());
            for (HistoricProcessInstance instance : page) {
                Map<String, Object> own = variables.getOrDefault(instance.getId(), Map.of());
                rows.add(new SampleRequest(instance.getBusinessKey(), instance.getProcessDefinitionKey(),
                        instance.getId(), (String) own.get(IntakeProcess.REQUEST_CLASS),
                        own.get(IntakeProcess.CUSTOMER_ID), own.get(IntakeProcess.PRIORITY), instance.getState(),
                        Times.of(instance.getStartTime()), Times.of(instance.getEndTime()),
                        request.trails() ? trails.of(instance.getBusinessKey()).entries() : null));
            }
            writer.write(rows);
            written += rows.size();
            if (page.size() < pageSize) {
                return written;
            }
        }
    }

    /** The class, customer and priority of each instance of the page, in one query. */
    private Map<String, Map<String, Object>> variables(List<HistoricProcessInstance> page) {
        Map<String, Map<String, Object>> byInstance = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(page.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                .variableNameIn(VARIABLES.toArray(String[]::new)).disableCustomObjectDeserialization().list()) {
            // Only the instance's own variables, not those of a sub-process scope of the same name.
            if (variable.getActivityInstanceId() == null
                    || variable.getActivityInstanceId().equals(variable.getProcessInstanceId())) {
                byInstance.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        return byInstance;
    }

    private static LocalDate date(Map<String, String> parameters, String name, Map<String, String> problems) {
        String value = blankToNull(parameters.get(name));
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.put(name, "must be a date such as 2026-12-01");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
