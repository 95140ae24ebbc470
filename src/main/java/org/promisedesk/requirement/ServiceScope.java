package org.promisedesk.requirement;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The contract scope of a service: which work a service type's contract includes, which we do
 * for a fee and which not at all. The rules are the decision {@value #DECISION_ID}
 * ({@code processes/service-scope.dmn}) so process owners can change them; this class holds its
 * names and values, and {@link #scopeOf} asks it from Java.
 *
 * <p>A BPMN business rule task calls it with {@code camunda:decisionRef="service-scope"} and the
 * variables {@value #SERVICE_TYPE} (a {@code customer.ServiceType} name) and {@value #ACTIVITY}
 * (one of {@link #ACTIVITIES}) set; it maps the two outputs {@value #SCOPE} (one of
 * {@link #SCOPES}) and {@value #SCOPE_NOTE} to plain string variables with output parameters,
 * as {@code Task_CheckScope} in {@code processes/requirement-guidance.bpmn} does:
 * <pre>{@code
 * <camunda:outputParameter name="contractScope">${decisionResult.getSingleResult().getEntry('scope')}</camunda:outputParameter>
 * }</pre>
 * (A result variable with {@code mapDecisionResult="singleResult"} would hold a Map, which the
 * engine can only store serialized.) Called from Java inside an engine command (a delegate, a
 * listener), {@link #scopeOf} evaluates without the user's authorization checks: it is the
 * process asking, not the user.
 */
@Component
public class ServiceScope {

    public static final String DECISION_ID = "service-scope";

    // Inputs
    public static final String SERVICE_TYPE = "serviceType";
    public static final String ACTIVITY = "activity";

    // Outputs
    public static final String SCOPE = "scope";
    /** A short plain-English explanation of the scope, fit to show a process owner or a customer. */
    public static final String SCOPE_NOTE = "scopeNote";

    public static final String INCLUDED = "included";
    public static final String PAID = "paid";
    public static final String OUT_OF_SCOPE = "out-of-scope";
    public static final List<String> SCOPES = List.of(INCLUDED, PAID, OUT_OF_SCOPE);

    public static final String NETWORK = "network";
    public static final String POWER_AND_RACK = "power-and-rack";
    public static final String HARDWARE_REPLACEMENT = "hardware-replacement";
    public static final String LISTED_SOFTWARE_INSTALL = "listed-software-install";
    public static final String OTHER_SOFTWARE_INSTALL = "other-software-install";
    public static final String OS_REINSTALL = "os-reinstall";
    public static final String REBOOT = "reboot";
    public static final String BACKUP = "backup";
    public static final String BACKUP_RESTORE = "backup-restore";
    public static final String DNS_RECORDS = "dns-records";
    public static final String APPLICATION_DEBUGGING = "application-debugging";
    public static final String DATABASE_TUNING = "database-tuning";
    public static final String ON_SITE_ENGINEER = "on-site-engineer";
    public static final String RESIDENT_ENGINEER = "resident-engineer";
    public static final String CUSTOM_DEVELOPMENT = "custom-development";
    /** Every activity the decision knows, in the order forms list them. */
    public static final List<String> ACTIVITIES = List.of(NETWORK, POWER_AND_RACK, HARDWARE_REPLACEMENT,
            LISTED_SOFTWARE_INSTALL, OTHER_SOFTWARE_INSTALL, OS_REINSTALL, REBOOT, BACKUP, BACKUP_RESTORE, DNS_RECORDS,
            APPLICATION_DEBUGGING, DATABASE_TUNING, ON_SITE_ENGINEER, RESIDENT_ENGINEER, CUSTOM_DEVELOPMENT);

    /** One answer of the decision. */
    public record Answer(String scope, String note) {
    }

    private final DecisionService decisions;

    ServiceScope(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * Evaluates the decision for one service type and activity.
     *
     * @throws IllegalArgumentException when the pair matches no rule (an unknown type or activity)
     */
    public Answer answer(String serviceType, String activity) {
        CommandContext command = Context.getCommandContext();
        DmnDecisionTableResult result = command == null ? evaluate(serviceType, activity)
                : command.runWithoutAuthorization(() -> evaluate(serviceType, activity));
        DmnDecisionRuleResult entries = result.getSingleResult();
        if (entries == null) {
            throw new IllegalArgumentException("No contract scope rule for service type " + serviceType
                    + " and activity " + activity);
        }
        return new Answer(entries.getEntry(SCOPE), entries.getEntry(SCOPE_NOTE));
    }

    private DmnDecisionTableResult evaluate(String serviceType, String activity) {
        return decisions.evaluateDecisionTableByKey(DECISION_ID,
                Variables.createVariables().putValue(SERVICE_TYPE, serviceType).putValue(ACTIVITY, activity));
    }

    /** The scope alone: {@value #INCLUDED}, {@value #PAID} or {@value #OUT_OF_SCOPE}. */
    public String scopeOf(String serviceType, String activity) {
        return answer(serviceType, activity).scope();
    }
}
