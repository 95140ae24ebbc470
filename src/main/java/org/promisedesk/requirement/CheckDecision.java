package org.promisedesk.requirement;

import static org.promisedesk.requirement.RequirementProcess.ALTERNATIVE;
import static org.promisedesk.requirement.RequirementProcess.ARCHITECT;
import static org.promisedesk.requirement.RequirementProcess.CUSTOMER_ID;
import static org.promisedesk.requirement.RequirementProcess.DECIDED_AT;
import static org.promisedesk.requirement.RequirementProcess.DECISION;
import static org.promisedesk.requirement.RequirementProcess.DECISIONS;
import static org.promisedesk.requirement.RequirementProcess.DECISION_OVERRIDDEN;
import static org.promisedesk.requirement.RequirementProcess.DECISION_REASON;
import static org.promisedesk.requirement.RequirementProcess.DUE_DATE;
import static org.promisedesk.requirement.RequirementProcess.OUTCOME_ACCEPT_NOW;
import static org.promisedesk.requirement.RequirementProcess.OUTCOME_REFUSE_WITH_ALTERNATIVE;
import static org.promisedesk.requirement.RequirementProcess.OUTCOME_SCHEDULE;
import static org.promisedesk.requirement.RequirementProcess.OVERRIDE_REASON;
import static org.promisedesk.requirement.RequirementProcess.PROMISE_OWNER;
import static org.promisedesk.requirement.RequirementProcess.PROPOSED_OUTCOME;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ConfirmDecision}: the architect confirms the triage's proposal or
 * overrides it, and says why in words for the customer. An override needs its own reason; it is
 * kept as {@code decisionOverridden} and {@code overrideReason} (the audit trail shows both) and in
 * the report table. Doing it now needs an owner and a due date, scheduling a committed date,
 * refusing an alternative. Anything missing is rejected naming the fields; the task stays open.
 */
@Component
class CheckDecision implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckDecision.class);

    private final IdentityService identityService;
    private final RequirementDecisions decisions;

    CheckDecision(IdentityService identityService, RequirementDecisions decisions) {
        this.identityService = identityService;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        String decision = Values.oneOf(task.getVariable(DECISION), DECISION, DECISIONS, problems);
        Texts.required(task, DECISION_REASON, Texts.LETTER_MIN, "telling the customer why", problems);
        String proposed = (String) task.getVariable(PROPOSED_OUTCOME);
        boolean overridden = decision != null && !decision.equals(proposed);
        String overrideReason = null;
        if (overridden) {
            overrideReason = Texts.required(task, OVERRIDE_REASON, Texts.NOTE_MIN,
                    "on why you decide otherwise than the proposal (" + proposed + ")", problems);
        }
        String architect = architect(task);
        String owner = null;
        Date due = null;
        if (OUTCOME_ACCEPT_NOW.equals(decision) || OUTCOME_SCHEDULE.equals(decision)) {
            Object named = task.getVariable(PROMISE_OWNER);
            owner = Texts.blank(named) ? architect : Values.user(identityService, named, PROMISE_OWNER, problems);
            due = Values.future(task.getVariable(DUE_DATE), DUE_DATE, problems);
        }
        if (OUTCOME_REFUSE_WITH_ALTERNATIVE.equals(decision)) {
            Texts.required(task, ALTERNATIVE, Texts.NOTE_MIN, "on what we offer instead", problems);
        }
        if (architect == null) {
            problems.add(ARCHITECT + " is unknown: claim the task before completing it");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The decision cannot be taken: " + String.join("; ", problems));
        }
        Values.put(task, DECISION, decision);
        Values.put(task, DECISION_OVERRIDDEN, overridden);
        if (!overridden && task.hasVariable(OVERRIDE_REASON)) {
            task.removeVariable(OVERRIDE_REASON);
        }
        Values.put(task, ARCHITECT, architect);
        Date now = ClockUtil.getCurrentTime();
        Values.put(task, DECIDED_AT, now);
        if (owner != null) {
            Values.put(task, PROMISE_OWNER, owner);
            Values.put(task, DUE_DATE, due);
        } else {
            task.removeVariable(PROMISE_OWNER);
            task.removeVariable(DUE_DATE);
        }
        String requestKey = task.getExecution().getProcessBusinessKey();
        decisions.record(new RequirementDecisions.Decision(task.getProcessInstanceId(), requestKey,
                ((Number) task.getVariable(CUSTOMER_ID)).longValue(), architect, proposed, decision, overridden,
                overrideReason, now.toInstant()));
        if (overridden) {
            log.info("Request {}: architect {} decided {} overriding the proposal {}", requestKey, architect,
                    decision, proposed);
        } else {
            log.info("Request {}: architect {} decided {} as proposed", requestKey, architect, decision);
        }
    }

    /** Who completes the task, else whom it is assigned to. */
    private String architect(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }
}
