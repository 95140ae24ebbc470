package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_ANSWERS;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_CHANNEL;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_CHANNELS;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_DECISION;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_GIVEN;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_GIVEN_BY;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_RECORDED_AT;
import static org.promisedesk.fault.FaultEscalationProcess.CONSENT_RECORDED_BY;
import static org.promisedesk.fault.FaultEscalationProcess.PROPOSED_OPERATION;
import static org.promisedesk.fault.FaultEscalationProcess.REPLY_FROM;
import static org.promisedesk.fault.FaultEscalationProcess.REPLY_FROM_CUSTOMER;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_READ_CONSENT_REPLY;

import java.util.ArrayList;
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
 * Completion of {@code Task_RecordConsent} (an answer by phone, IM or in person) and
 * {@code Task_ReadConsentReply} (an e-mail reply): the consent record — {@code consentDecision}
 * (given or declined), how ({@code consentChannel}; e-mail for a reply), who on the customer's
 * side ({@code consentGivenBy}; the sender of a reply), and who recorded it when
 * ({@code consentRecordedBy}, {@code consentRecordedAt}). Consent by a reply from an address that
 * is not the customer's is refused: the agent confirms it by phone first.
 */
@Component
class CheckConsent implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckConsent.class);

    private final IdentityService identityService;

    CheckConsent(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean reply = TASK_READ_CONSENT_REPLY.equals(task.getTaskDefinitionKey());
        if (reply && FaultServices.blank(task.getVariable(CONSENT_CHANNEL))) {
            task.setVariable(CONSENT_CHANNEL, "email");
        }
        if (reply && FaultServices.blank(task.getVariable(CONSENT_GIVEN_BY)) && task.getVariable(REPLY_FROM) != null) {
            task.setVariable(CONSENT_GIVEN_BY, task.getVariable(REPLY_FROM));
        }
        List<String> problems = new ArrayList<>();
        Object decision = task.getVariable(CONSENT_DECISION);
        if (!(decision instanceof String value && CONSENT_ANSWERS.contains(value))) {
            problems.add(CONSENT_DECISION + " is required: one of " + String.join(", ", CONSENT_ANSWERS));
        }
        Object channel = task.getVariable(CONSENT_CHANNEL);
        if (!(channel instanceof String value && CONSENT_CHANNELS.contains(value))) {
            problems.add(CONSENT_CHANNEL + " is required: one of " + String.join(", ", CONSENT_CHANNELS));
        }
        if (Texts.atLeast(task.getVariable(CONSENT_GIVEN_BY), 2) == null) {
            problems.add(CONSENT_GIVEN_BY + " is required: who at the customer answered");
        }
        if (CONSENT_GIVEN.equals(decision) && "email".equals(channel)
                && Boolean.FALSE.equals(task.getVariable(REPLY_FROM_CUSTOMER))) {
            problems.add(CONSENT_DECISION + " cannot be given by a reply from " + task.getVariable(REPLY_FROM)
                    + ", which is not the customer's address: confirm it by phone and record it as such");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The consent cannot be recorded: " + String.join("; ", problems));
        }
        Authentication current = identityService.getCurrentAuthentication();
        task.setVariable(CONSENT_RECORDED_BY, current != null ? current.getUserId() : task.getAssignee());
        task.setVariable(CONSENT_RECORDED_AT, ClockUtil.getCurrentTime());
        log.info("Request {}: consent to {} {} by {} ({}), recorded by {}", task.getExecution().getProcessBusinessKey(),
                task.getVariable(PROPOSED_OPERATION), decision, task.getVariable(CONSENT_GIVEN_BY), channel,
                task.getVariable(CONSENT_RECORDED_BY));
    }
}
