package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.SLA_BREACHED;
import static org.promisedesk.intake.IntakeProcess.SLA_BREACHES;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The visible flag: {@code slaBreached} and the JSON list {@code slaBreaches} of the clocks missed. */
final class Breaches {

    private static final Logger log = LoggerFactory.getLogger(Breaches.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Breaches() {
    }

    static void record(DelegateExecution execution, String clock, Object due) {
        List<String> breaches = list(execution.getVariable(SLA_BREACHES));
        if (!breaches.contains(clock)) {
            breaches.add(clock);
        }
        try {
            execution.setVariable(SLA_BREACHES, JSON.writeValueAsString(breaches));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        execution.setVariable(SLA_BREACHED, true);
        log.warn("Request {}: {} SLA missed (due {}); leads alerted", execution.getProcessBusinessKey(), clock, due);
    }

    static List<String> list(Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            return new ArrayList<>();
        }
        try {
            return new ArrayList<>(JSON.readValue(text, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            return new ArrayList<>();
        }
    }
}
