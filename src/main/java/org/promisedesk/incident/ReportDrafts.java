package org.promisedesk.incident;

import static org.promisedesk.incident.PostIncidentReportProcess.ACTIONS;
import static org.promisedesk.incident.PostIncidentReportProcess.AT;
import static org.promisedesk.incident.PostIncidentReportProcess.DUE_DATE;
import static org.promisedesk.incident.PostIncidentReportProcess.IMPACT;
import static org.promisedesk.incident.PostIncidentReportProcess.KIND;
import static org.promisedesk.incident.PostIncidentReportProcess.KINDS;
import static org.promisedesk.incident.PostIncidentReportProcess.OWNER;
import static org.promisedesk.incident.PostIncidentReportProcess.RESOLUTION;
import static org.promisedesk.incident.PostIncidentReportProcess.ROOT_CAUSE;
import static org.promisedesk.incident.PostIncidentReportProcess.TEXT;
import static org.promisedesk.incident.PostIncidentReportProcess.TIMELINE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and checks the engineer's draft. {@code timeline} and {@code actions} are what a Camunda
 * Forms dynamic list submits: a JSON array of objects (Tasklist sends it as a {@code Json}
 * variable; Java and REST callers may also send JSON text or a list of maps). Every rule is
 * checked on the server, since Tasklist validates only in the browser; one
 * {@link BadUserRequestException} names every bad field ({@code actions[2].owner}).
 */
@Component
class ReportDrafts {

    record TimelineEntry(Instant at, String text) {
    }

    record Action(String kind, String text, String owner, Instant dueAt) {
    }

    record Draft(List<TimelineEntry> timeline, String impact, String rootCause, String resolution,
            List<Action> actions) {
    }

    private final ObjectMapper json;
    private final IdentityService identityService;
    private final IncidentSettings settings;

    ReportDrafts(ObjectMapper json, IdentityService identityService, IncidentSettings settings) {
        this.json = json;
        this.identityService = identityService;
        this.settings = settings;
    }

    /** The draft, or a {@link BadUserRequestException} starting with {@code what} and naming every problem. */
    Draft check(VariableScope variables, String what) {
        List<String> problems = new ArrayList<>();
        List<TimelineEntry> timeline = timeline(variables.getVariable(TIMELINE), problems);
        String impact = text(variables, IMPACT, problems);
        String rootCause = text(variables, ROOT_CAUSE, problems);
        String resolution = text(variables, RESOLUTION, problems);
        List<Action> actions = actions(variables.getVariable(ACTIONS), problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException(what + ": " + String.join("; ", problems));
        }
        return new Draft(timeline, impact, rootCause, resolution, actions);
    }

    private static String text(VariableScope variables, String field, List<String> problems) {
        String text = Texts.valid(variables.getVariable(field));
        if (text == null) {
            problems.add(Texts.rule(field));
        }
        return text;
    }

    private List<TimelineEntry> timeline(Object value, List<String> problems) {
        List<TimelineEntry> entries = new ArrayList<>();
        List<JsonNode> items = items(value, TIMELINE, problems);
        for (int i = 0; i < items.size(); i++) {
            String field = TIMELINE + "[" + (i + 1) + "]";
            Instant at = time(items.get(i).get(AT), field + "." + AT, problems);
            String text = Texts.valid(textOf(items.get(i).get(TEXT)), 3);
            if (text == null) {
                problems.add(field + "." + TEXT + " is required: what happened");
            }
            if (at != null && text != null) {
                entries.add(new TimelineEntry(at, text));
            }
        }
        if (items.isEmpty() && problems.stream().noneMatch(problem -> problem.startsWith(TIMELINE))) {
            problems.add(TIMELINE + " is required: at least one time-stamped entry");
        }
        entries.sort(Comparator.comparing(TimelineEntry::at));
        return entries;
    }

    private List<Action> actions(Object value, List<String> problems) {
        List<Action> actions = new ArrayList<>();
        List<JsonNode> items = items(value, ACTIONS, problems);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String field = ACTIONS + "[" + (i + 1) + "].";
            String kind = textOf(item.get(KIND));
            if (kind == null || !KINDS.contains(kind.strip())) {
                problems.add(field + KIND + " is required: one of " + String.join(", ", KINDS));
            }
            String text = Texts.valid(textOf(item.get(TEXT)));
            if (text == null) {
                problems.add(Texts.rule(field + TEXT) + " saying what will be done");
            }
            String owner = owner(textOf(item.get(OWNER)), field + OWNER, problems);
            Instant due = time(item.get(DUE_DATE), field + DUE_DATE, problems);
            if (due != null && !due.isAfter(now)) {
                problems.add(field + DUE_DATE + " " + Times.format(due, settings.timeZone()) + " is not in the future");
                due = null;
            }
            if (kind != null && text != null && owner != null && due != null) {
                actions.add(new Action(kind.strip(), text, owner, due));
            }
        }
        if (items.isEmpty() && problems.stream().noneMatch(problem -> problem.startsWith(ACTIONS))) {
            problems.add(ACTIONS + " is required: at least one corrective or preventive action");
        }
        return actions;
    }

    private String owner(String value, String field, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required: the user id of who does it");
            return null;
        }
        String owner = value.strip();
        // The process checks its own input: the engineer needs no right to read users for that.
        long users = Context.getCommandContext().runWithoutAuthorization(
                () -> identityService.createUserQuery().userId(owner).count());
        if (users == 0) {
            problems.add(field + " '" + owner + "' is not a user");
            return null;
        }
        return owner;
    }

    private Instant time(JsonNode node, String field, List<String> problems) {
        try {
            Instant time = Times.parse(textOf(node), settings.timeZone());
            if (time == null) {
                problems.add(field + " is required");
            }
            return time;
        } catch (IllegalArgumentException e) {
            problems.add(field + " " + e.getMessage());
            return null;
        }
    }

    /** The elements of a JSON array given as Spin JSON, JSON text or a Java list; a problem when it is something else. */
    private List<JsonNode> items(Object value, String field, List<String> problems) {
        JsonNode node;
        try {
            node = value == null ? null
                    : value instanceof Collection<?> || value instanceof Map<?, ?> ? json.valueToTree(value)
                    : json.readTree(value.toString());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add(field + " is not a JSON list");
            return List.of();
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(field + " is not a list");
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                problems.add(field + " holds something that is not an entry: " + item);
            } else if (!isEmpty(item)) {
                items.add(item);
            }
        }
        return items;
    }

    /**
     * A row the engineer added and left empty is no entry (form-js submits it anyway, with the
     * kind it pre-selects).
     */
    private static boolean isEmpty(JsonNode item) {
        for (Map.Entry<String, JsonNode> field : item.properties()) {
            JsonNode value = field.getValue();
            if (!field.getKey().equals(KIND) && !value.isNull() && !(value.isTextual() && value.asText().isBlank())) {
                return false;
            }
        }
        return true;
    }

    private static String textOf(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
