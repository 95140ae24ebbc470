package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.ACTION_CONTINUE;
import static org.promisedesk.fault.FaultEscalationProcess.ACTION_INTRUSIVE;
import static org.promisedesk.fault.FaultEscalationProcess.ACTION_ON_SITE;
import static org.promisedesk.fault.FaultEscalationProcess.ACTION_RESOLVED;
import static org.promisedesk.fault.FaultEscalationProcess.FAULT_RESPONSIBILITY;
import static org.promisedesk.fault.FaultEscalationProcess.FIX;
import static org.promisedesk.fault.FaultEscalationProcess.ON_SITE_ENGINEER;
import static org.promisedesk.fault.FaultEscalationProcess.ON_SITE_ENGINEER_NAME;
import static org.promisedesk.fault.FaultEscalationProcess.OPERATIONS;
import static org.promisedesk.fault.FaultEscalationProcess.OPERATION_PLAN;
import static org.promisedesk.fault.FaultEscalationProcess.OPERATION_RISK;
import static org.promisedesk.fault.FaultEscalationProcess.PROPOSED_OPERATION;
import static org.promisedesk.fault.FaultEscalationProcess.RESOLVED_AT;
import static org.promisedesk.fault.FaultEscalationProcess.RESOLVED_BY;
import static org.promisedesk.fault.FaultEscalationProcess.RESPONSIBILITIES;
import static org.promisedesk.fault.FaultEscalationProcess.ROOT_CAUSE;
import static org.promisedesk.fault.FaultEscalationProcess.SERVICE_TYPE;
import static org.promisedesk.fault.FaultEscalationProcess.STATUS_NOTE;
import static org.promisedesk.fault.FaultEscalationProcess.TECH_ACTION;
import static org.promisedesk.fault.FaultEscalationProcess.TECH_ACTIONS;
import static org.promisedesk.fault.FaultEscalationProcess.VISIT_AT;
import static org.promisedesk.fault.FaultEscalationProcess.VISIT_REPORT;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.customer.ServiceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creation and completion of {@code Task_FixFault}, the tech's step: what happens next ({@code techAction}).
 * <ul>
 * <li>{@code continue}: still working; {@code statusNote} says how it stands (the next progress update quotes it).
 * <li>{@code intrusive-operation}: {@code proposedOperation} (reboot, restore-from-backup, reinstall), its
 *     {@code operationRisk} and {@code operationPlan} (the steps, or the script a self-reliant customer runs).
 *     Nothing intrusive happens without the customer's consent.
 * <li>{@code on-site-engineer}: database support only; {@code visitAt} (in the future) and {@code onSiteEngineer} (a user).
 * <li>{@code resolved}: the true {@code rootCause}, the {@code fix}, and the final {@code faultResponsibility}.
 * </ul>
 */
@Component
class CheckFix implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckFix.class);

    private final IdentityService identityService;
    private final FaultSettings settings;

    CheckFix(IdentityService identityService, FaultSettings settings) {
        this.identityService = identityService;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            // every round starts with no step chosen, so a stale choice is never submitted again by accident
            task.removeVariable(TECH_ACTION);
            return;
        }
        List<String> problems = new ArrayList<>();
        Object action = task.getVariable(TECH_ACTION);
        Texts.dropBlank(task, STATUS_NOTE);
        if (!(action instanceof String value && TECH_ACTIONS.contains(value))) {
            problems.add(TECH_ACTION + " is required: one of " + String.join(", ", TECH_ACTIONS));
        } else if (ACTION_CONTINUE.equals(action)) {
            text(task, STATUS_NOTE, problems);
        } else if (ACTION_INTRUSIVE.equals(action)) {
            if (!(task.getVariable(PROPOSED_OPERATION) instanceof String operation && OPERATIONS.contains(operation))) {
                problems.add(PROPOSED_OPERATION + " is required: one of " + String.join(", ", OPERATIONS));
            }
            text(task, OPERATION_RISK, problems);
            text(task, OPERATION_PLAN, problems);
        } else if (ACTION_ON_SITE.equals(action)) {
            onSite(task, problems);
        } else {
            text(task, ROOT_CAUSE, problems);
            text(task, FIX, problems);
            if (!(task.getVariable(FAULT_RESPONSIBILITY) instanceof String who && RESPONSIBILITIES.contains(who))) {
                problems.add(FAULT_RESPONSIBILITY + " is required: one of " + String.join(", ", RESPONSIBILITIES));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The tech's step cannot be recorded: " + String.join("; ", problems));
        }
        if (ACTION_RESOLVED.equals(action)) {
            task.setVariable(RESOLVED_BY, who(task));
            task.setVariable(RESOLVED_AT, ClockUtil.getCurrentTime());
        }
        log.info("Request {}: tech step {} by {}", task.getExecution().getProcessBusinessKey(), action, who(task));
    }

    private void onSite(DelegateTask task, List<String> problems) {
        if (!ServiceType.DATABASE_SUPPORT.name().equals(task.getVariable(SERVICE_TYPE))) {
            problems.add(TECH_ACTION + " " + ACTION_ON_SITE + " is for database support services only, not "
                    + task.getVariable(SERVICE_TYPE));
            return;
        }
        Date visitAt = Dates.of(task.getVariable(VISIT_AT), settings.timeZone());
        if (visitAt == null || !visitAt.after(ClockUtil.getCurrentTime())) {
            problems.add(VISIT_AT + " is required: when the engineer will be on site, in the future");
        } else {
            task.setVariable(VISIT_AT, visitAt);
        }
        User user = task.getVariable(ON_SITE_ENGINEER) instanceof String engineer && !engineer.isBlank()
                ? Context.getCommandContext().runWithoutAuthorization(
                        () -> identityService.createUserQuery().userId(engineer.strip()).singleResult())
                : null;
        if (user == null) {
            problems.add(ON_SITE_ENGINEER + " is required: the user id of the engineer who goes");
        } else {
            task.setVariable(ON_SITE_ENGINEER, user.getId());
            String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                    + (user.getLastName() == null ? "" : user.getLastName())).strip();
            task.setVariable(ON_SITE_ENGINEER_NAME, name.isEmpty() ? user.getId() : name);
        }
        task.removeVariable(VISIT_REPORT);
    }

    private static void text(DelegateTask task, String field, List<String> problems) {
        String valid = Texts.atLeast(task.getVariable(field), Texts.NOTE_MIN);
        if (valid == null) {
            problems.add(Texts.rule(field));
        } else {
            Texts.normalise(task, field, valid);
        }
    }

    private String who(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }
}
