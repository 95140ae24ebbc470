package org.promisedesk.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.promisedesk.audit.AuditEntry.Kind;
import org.promisedesk.customer.Customers;
import org.promisedesk.intake.IntakeProcess;
import org.springframework.stereotype.Component;

/**
 * The trail told for a person (the printable page and its PDF): steps and processes by their
 * names, people by full name and group, every time in one named zone, values in words (never a
 * Java map), the full text of each e-mail. Engine noise (steps passing a gateway or an event,
 * values a step wrote) is counted, and listed only in the detailed view. The JSON and CSV keep
 * every entry as recorded.
 */
@Component
class AuditStory {

    static final ZoneId ZONE = AuditSearch.ZONE;
    static final String ZONE_NAME = "China Standard Time (Asia/Shanghai, UTC+8)";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    /** Kinds shown only in the detailed view. */
    private static final Set<Kind> NOISE = EnumSet.of(Kind.ACTIVITY_STARTED, Kind.VARIABLE_CHANGED);
    /** Steps whose end is a story of its own (a user task's end is its TASK_COMPLETED). */
    private static final Set<String> TOLD_STEPS = Set.of("serviceTask", "sendTask", "scriptTask", "businessRuleTask",
            "callActivity", "subProcess", "manualTask", "receiveTask");

    record Line(String when, String what, String details, String text, String process, String step, String who) {
    }

    record InstanceLine(String process, String calledBy, String state, String started, String ended) {
    }

    /** The request at a glance: who it was for, what it was, how it ended. */
    record Heading(String customer, String requestClass, String priority, String outcome) {
    }

    record Story(String requestKey, Heading heading, String zoneName, boolean detailed, List<InstanceLine> instances,
            List<Line> timeline, List<Line> decisions, List<Line> messages, int hiddenEntries,
            int hiddenVariableWrites) {
    }

    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final HistoryService historyService;
    private final Customers customers;

    AuditStory(RepositoryService repositoryService, IdentityService identityService, HistoryService historyService,
            Customers customers) {
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.historyService = historyService;
        this.customers = customers;
    }

    Story of(Trail trail, boolean detailed) {
        Names names = new Names(trail);
        List<Line> timeline = new ArrayList<>();
        List<Line> decisions = new ArrayList<>();
        List<Line> messages = new ArrayList<>();
        int hidden = 0;
        int hiddenWrites = 0;
        for (AuditEntry entry : trail.entries()) {
            boolean noise = isNoise(entry);
            if (noise && !detailed) {
                hidden++;
                hiddenWrites += entry.kind() == Kind.VARIABLE_CHANGED ? 1 : 0;
                continue;
            }
            Line line = line(entry, names);
            timeline.add(line);
            if (entry.kind() == Kind.DECISION) {
                decisions.add(line);
            }
            if (entry.kind() == Kind.EMAIL_SENT || entry.kind() == Kind.EMAIL_RECEIVED) {
                messages.add(line);
            }
        }
        List<InstanceLine> instances = trail.processInstances().stream()
                .map(instance -> new InstanceLine(names.process(instance.id()),
                        instance.calledBy() == null ? "" : names.process(instance.calledBy()),
                        state(instance.state()), time(instance.started()), time(instance.ended())))
                .toList();
        return new Story(trail.requestKey(), heading(trail), ZONE_NAME, detailed, instances, timeline, decisions,
                messages, hidden, hiddenWrites);
    }

    /** From the first instance of the request (the one nothing called) and its own variables. */
    private Heading heading(Trail trail) {
        Trail.Instance root = trail.processInstances().stream().filter(instance -> instance.calledBy() == null)
                .findFirst().orElse(trail.processInstances().get(0));
        Map<String, Object> variables = new HashMap<>();
        historyService.createHistoricVariableInstanceQuery().processInstanceId(root.id())
                .variableNameIn(IntakeProcess.CUSTOMER_ID, IntakeProcess.REQUEST_CLASS, IntakeProcess.PRIORITY)
                .disableCustomObjectDeserialization().list().stream()
                .filter(variable -> variable.getActivityInstanceId() == null
                        || variable.getActivityInstanceId().equals(root.id()))
                .forEach(variable -> variables.put(variable.getName(), variable.getValue()));
        String customer = "unknown";
        if (variables.get(IntakeProcess.CUSTOMER_ID) instanceof Number id) {
            customer = customers.findById(id.longValue()).map(found -> found.name() + " (no. " + found.id() + ")")
                    .orElse("no. " + id);
        }
        String outcome = state(root.state()) + (root.ended() == null ? " since " + time(root.started())
                : " on " + time(root.ended()));
        return new Heading(customer, String.valueOf(variables.getOrDefault(IntakeProcess.REQUEST_CLASS, "not classified")),
                String.valueOf(variables.getOrDefault(IntakeProcess.PRIORITY, "none")), outcome);
    }

    private static boolean isNoise(AuditEntry entry) {
        if (NOISE.contains(entry.kind())) {
            return true;
        }
        return entry.kind() == Kind.ACTIVITY_ENDED && !TOLD_STEPS.contains(String.valueOf(entry.details().get("type")));
    }

    private Line line(AuditEntry entry, Names names) {
        Map<String, Object> d = entry.details();
        String step = names.step(entry.processInstanceId(), entry.activity());
        if ((entry.kind() == Kind.PROCESS_STARTED || entry.kind() == Kind.PROCESS_ENDED) && step.startsWith("an unnamed")) {
            step = "";
        }
        String process = names.process(entry.processInstanceId());
        String what;
        String details = "";
        String text = null;
        switch (entry.kind()) {
            case PROCESS_STARTED -> {
                what = "Started " + process;
                details = d.get("calledBy") == null ? "" : "called by " + names.process((String) d.get("calledBy"));
            }
            case PROCESS_ENDED -> {
                what = process + " ended: " + state((String) d.get("state"));
                details = join(duration(d.get("durationMillis")), d.get("deleteReason") == null ? ""
                        : "reason: " + d.get("deleteReason"));
            }
            case ACTIVITY_STARTED -> what = "Reached: " + step;
            case ACTIVITY_ENDED -> {
                what = (Boolean.TRUE.equals(d.get("canceled")) ? "Cancelled: " : "Done: ") + step;
                details = duration(d.get("durationMillis"));
            }
            case TASK_CREATED -> {
                what = "Task created: " + step;
                details = join(d.get("assignee") == null ? "" : "for " + names.person((String) d.get("assignee")),
                        d.get("due") == null ? "" : "due " + value(d.get("due")));
            }
            case TASK_ASSIGNMENT -> {
                String whom = d.get("userId") != null ? names.person((String) d.get("userId"))
                        : "group " + names.group((String) d.get("groupId"));
                boolean added = "add".equals(d.get("operation"));
                String role = "candidate".equals(d.get("type")) ? "candidate" : String.valueOf(d.get("type"));
                what = (added ? "Made " : "No longer ") + whom + " " + role + " of " + step;
            }
            case TASK_COMPLETED -> {
                what = "Task completed: " + step;
                details = duration(d.get("durationMillis"));
            }
            case TASK_DELETED -> {
                what = "Task ended unfinished: " + step;
                details = d.get("reason") == null ? "" : "reason: " + d.get("reason");
            }
            case FORM_DATA, VARIABLE_CHANGED -> {
                what = (entry.kind() == Kind.FORM_DATA ? "Entered: " : "Recorded: ") + d.get("variable") + " = "
                        + value(d.get("value"));
            }
            case DECISION -> {
                String decision = d.get("decisionName") != null ? (String) d.get("decisionName")
                        : String.valueOf(d.get("decision"));
                what = "Decided " + decision + ": " + decisionOutcome(d);
                details = "given " + pairs(d.get("inputs"));
            }
            case INCIDENT_CREATED -> what = "Failed: " + step + ". " + shortText(entry.summary(), "Incident: ");
            case INCIDENT_ENDED -> what = (Boolean.TRUE.equals(d.get("resolved")) ? "Failure resolved: "
                    : "Failure closed: ") + step;
            case USER_OPERATION -> what = operation(d);
            case EMAIL_SENT -> {
                what = ("SENT".equals(d.get("state")) ? "E-mail sent to " : "E-mail not yet delivered to ")
                        + d.get("recipient") + ": " + shortText(entry.summary(), "E-mail sent: ",
                                "E-mail not yet delivered: ");
                details = join(d.get("language") == null ? "" : "language " + d.get("language"),
                        d.get("attachments") == null ? "" : "attachments: " + value(d.get("attachments")),
                        d.get("messageId") == null ? "" : "Message-ID " + d.get("messageId"));
                text = (String) d.get("text");
            }
            case EMAIL_RECEIVED -> {
                what = "E-mail received from " + d.get("from") + ": "
                        + shortText(entry.summary(), "E-mail received from " + d.get("from") + ": ");
                details = join(d.get("disposition") == null ? "" : "handled as " + words(d.get("disposition")),
                        Boolean.TRUE.equals(d.get("senderMismatch")) ? "not the customer's address" : "",
                        d.get("note") == null ? "" : String.valueOf(d.get("note")));
                text = (String) d.get("text");
            }
            default -> what = entry.summary();
        }
        return new Line(time(entry.time()), what, details, text, process, step, names.person(entry.user()));
    }

    /** The operation log's operation types a person meets most, in words; others as the log names them. */
    private static final Map<String, String> OPERATIONS = Map.ofEntries(
            Map.entry("Create", "Created"), Map.entry("Complete", "Completed"), Map.entry("Claim", "Claimed"),
            Map.entry("Assign", "Assigned"), Map.entry("Delegate", "Delegated"), Map.entry("Resolve", "Resolved"),
            Map.entry("SetOwner", "Set the owner of"), Map.entry("Update", "Changed"), Map.entry("Delete", "Deleted"),
            Map.entry("SetJobRetries", "Retried"), Map.entry("SetVariable", "Set a value of"),
            Map.entry("ModifyVariable", "Changed values of"), Map.entry("Suspend", "Suspended"),
            Map.entry("Activate", "Activated"), Map.entry("CorrelateMessage", "Delivered a message to"));

    private String operation(Map<String, Object> d) {
        String property = (String) d.get("property");
        String operation = String.valueOf(d.get("operation"));
        String entity = words(d.get("entity"));
        String what = OPERATIONS.containsKey(operation)
                ? OPERATIONS.get(operation) + " the " + (entity.equals("job") ? "failed step" : entity)
                : words(operation) + " (" + entity + ")";
        if (property == null) {
            return what;
        }
        boolean isTime = property.toLowerCase().contains("date") || property.toLowerCase().contains("time");
        return what + ": " + words(property) + " " + operationValue(d.get("from"), isTime) + " → "
                + operationValue(d.get("to"), isTime);
    }

    /** The operation log keeps dates as epoch milliseconds. */
    private static String operationValue(Object value, boolean isTime) {
        if (value == null) {
            return "(none)";
        }
        if (isTime && String.valueOf(value).matches("\\d{10,}")) {
            return time(Instant.ofEpochMilli(Long.parseLong(String.valueOf(value))));
        }
        return String.valueOf(value);
    }

    private String decisionOutcome(Map<String, Object> d) {
        if (!(d.get("matchedRules") instanceof Map<?, ?> rules) || rules.isEmpty()) {
            return "no rule matched";
        }
        List<String> outcomes = new ArrayList<>();
        for (Map.Entry<?, ?> rule : rules.entrySet()) {
            outcomes.add(pairs(rule.getValue()) + " (" + rule((String) d.get("decisionDefinitionId"),
                    String.valueOf(rule.getKey())) + ")");
        }
        return String.join("; ", outcomes);
    }

    /** "rule 2 of 5: its description", from the decision's table. */
    private String rule(String decisionDefinitionId, String ruleId) {
        if (decisionDefinitionId != null) {
            try {
                DmnModelInstance model = repositoryService.getDmnModelInstance(decisionDefinitionId);
                ModelElementInstance element = model.getModelElementById(ruleId);
                if (element instanceof Rule rule && rule.getParentElement() instanceof DecisionTable table) {
                    List<Rule> all = new ArrayList<>(table.getRules());
                    String description = rule.getDescription() == null ? "" : ": " + rule.getDescription().getTextContent();
                    return "rule " + (all.indexOf(rule) + 1) + " of " + all.size() + description;
                }
            } catch (RuntimeException notReadable) {
                // a decision deployed from elsewhere: say only that a rule matched
            }
        }
        return "a rule of the table";
    }

    /** name = value, … for a map; never Java's {name=value}. */
    private static String pairs(Object map) {
        if (!(map instanceof Map<?, ?> values) || values.isEmpty()) {
            return "nothing";
        }
        return values.entrySet().stream().map(e -> e.getKey() + " = " + value(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** A value in words: times in the page's zone, lists and maps spelled out. */
    static String value(Object value) {
        if (value == null) {
            return "(empty)";
        }
        if (value instanceof Date date) {
            return time(date.toInstant());
        }
        if (value instanceof Instant instant) {
            return time(instant);
        }
        if (value instanceof Map<?, ?> map) {
            return pairs(map);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(AuditStory::value).collect(Collectors.joining(", "));
        }
        String text = String.valueOf(value);
        return text.contains("\n") ? text.replace("\n", ", ") : text;
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    private static String duration(Object millis) {
        if (!(millis instanceof Number number)) {
            return "";
        }
        Duration duration = Duration.ofMillis(number.longValue());
        if (duration.toMinutes() == 0) {
            return "took " + Math.max(duration.toSeconds(), 0) + " s";
        }
        if (duration.toHours() == 0) {
            return "took " + duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
        }
        if (duration.toDays() == 0) {
            return "took " + duration.toHours() + " h " + duration.toMinutesPart() + " min";
        }
        return "took " + duration.toDays() + " days " + duration.toHoursPart() + " h";
    }

    private static String state(String state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case "ACTIVE" -> "running";
            case "COMPLETED" -> "completed";
            case "EXTERNALLY_TERMINATED" -> "cancelled";
            case "INTERNALLY_TERMINATED" -> "ended by the process";
            case "SUSPENDED" -> "suspended";
            default -> words(state);
        };
    }

    /** SetJobRetries → set job retries; REPLY_CORRELATED → reply correlated. */
    private static String words(Object identifier) {
        String text = String.valueOf(identifier);
        return text.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase();
    }

    private static String shortText(String summary, String... prefixes) {
        String text = summary == null ? "" : summary;
        for (String prefix : prefixes) {
            if (text.startsWith(prefix)) {
                return text.substring(prefix.length());
            }
        }
        return text;
    }

    private static String join(String... parts) {
        return java.util.Arrays.stream(parts).filter(part -> part != null && !part.isBlank())
                .collect(Collectors.joining("; "));
    }

    /** Names of one trail's processes, steps and people, each looked up once. */
    private final class Names {
        private final Map<String, Trail.Instance> instances = new HashMap<>();
        private final Map<String, BpmnModelInstance> models = new HashMap<>();
        private final Map<String, String> people = new HashMap<>();
        private final Map<String, String> groups = new HashMap<>();

        Names(Trail trail) {
            trail.processInstances().forEach(instance -> instances.put(instance.id(), instance));
        }

        String process(String instanceId) {
            Trail.Instance instance = instanceId == null ? null : instances.get(instanceId);
            if (instance == null) {
                return instanceId == null ? "" : "another process";
            }
            return instance.processName() != null ? instance.processName() : words(instance.process());
        }

        /** The step's name in its model; unnamed, what kind of element it is. Never its id. */
        String step(String instanceId, String activityId) {
            Trail.Instance instance = instanceId == null ? null : instances.get(instanceId);
            if (activityId == null) {
                return "";
            }
            if (instance == null || instance.processDefinitionId() == null) {
                return "a step";
            }
            BpmnModelInstance model = models.computeIfAbsent(instance.processDefinitionId(),
                    repositoryService::getBpmnModelInstance);
            ModelElementInstance element = model == null ? null : model.getModelElementById(activityId);
            if (element instanceof FlowElement flow) {
                // Models built in code may carry the id as the name: that is no name either.
                boolean named = flow.getName() != null && !flow.getName().isBlank() && !flow.getName().equals(activityId);
                return named ? flow.getName().replace('\n', ' ')
                        : "an unnamed " + words(flow.getElementType().getTypeName());
            }
            return "a step";
        }

        /** "Li Na (Agents (first line))"; an id nobody has any more stays as it is. */
        String person(String userId) {
            if (userId == null) {
                return "";
            }
            return people.computeIfAbsent(userId, id -> {
                User user = identityService.createUserQuery().userId(id).singleResult();
                String name = user == null ? id : (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim();
                String memberOf = identityService.createGroupQuery().groupMember(id).list().stream()
                        .map(group -> group.getName() != null ? group.getName() : group.getId())
                        .collect(Collectors.joining(", "));
                return (name.isEmpty() ? id : name) + (memberOf.isEmpty() ? "" : " (" + memberOf + ")");
            });
        }

        String group(String groupId) {
            if (groupId == null) {
                return "";
            }
            return groups.computeIfAbsent(groupId, id -> {
                Group group = identityService.createGroupQuery().groupId(id).singleResult();
                return group == null || group.getName() == null ? id : group.getName();
            });
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
