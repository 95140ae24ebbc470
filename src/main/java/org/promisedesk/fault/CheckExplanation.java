package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.ACTIVITY;
import static org.promisedesk.fault.FaultEscalationProcess.ASSIST_ACTIVITIES;
import static org.promisedesk.fault.FaultEscalationProcess.ASSIST_ACTIVITY;
import static org.promisedesk.fault.FaultEscalationProcess.ASSIST_NONE;
import static org.promisedesk.fault.FaultEscalationProcess.ASSIST_REQUEST;
import static org.promisedesk.fault.FaultEscalationProcess.EXPLAINED_BY;
import static org.promisedesk.fault.FaultEscalationProcess.FAULT_OUTCOME;
import static org.promisedesk.fault.FaultEscalationProcess.OUTCOME_EXPLAINED;
import static org.promisedesk.fault.FaultEscalationProcess.ROOT_CAUSE;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ExplainAndAssist}: the agent writes the cause in plain words (the
 * customer reads it: {@code rootCause}) and says whether the customer needs help with it
 * ({@code assistActivity}, one of the activities of {@code service-scope.dmn}, or {@code none});
 * help asked for needs {@code assistRequest}, what exactly (a refusal would quote it).
 */
@Component
class CheckExplanation implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckExplanation.class);

    private final IdentityService identityService;

    CheckExplanation(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        String rootCause = Texts.atLeast(task.getVariable(ROOT_CAUSE), Texts.NOTE_MIN);
        if (rootCause == null) {
            problems.add(Texts.rule(ROOT_CAUSE) + " telling the customer what causes the fault");
        }
        Object activity = task.getVariable(ASSIST_ACTIVITY);
        if (!(activity instanceof String value && ASSIST_ACTIVITIES.contains(value))) {
            problems.add(ASSIST_ACTIVITY + " is required: one of " + String.join(", ", ASSIST_ACTIVITIES));
        }
        String request = Texts.atLeast(task.getVariable(ASSIST_REQUEST), Texts.NOTE_MIN);
        if (activity != null && !ASSIST_NONE.equals(activity) && request == null) {
            problems.add(Texts.rule(ASSIST_REQUEST) + " saying what help the customer needs");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The explanation cannot be recorded: " + String.join("; ", problems));
        }
        Texts.normalise(task, ROOT_CAUSE, rootCause);
        if (ASSIST_NONE.equals(activity)) {
            task.removeVariable(ASSIST_REQUEST);
        } else {
            Texts.normalise(task, ASSIST_REQUEST, request);
        }
        task.setVariable(ACTIVITY, activity);
        task.setVariable(EXPLAINED_BY, who(task));
        task.setVariable(FAULT_OUTCOME, OUTCOME_EXPLAINED);
        log.info("Request {}: cause explained by {}, help asked: {}", task.getExecution().getProcessBusinessKey(),
                task.getVariable(EXPLAINED_BY), activity);
    }

    private String who(DelegateTask task) {
        Authentication current = identityService.getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }
}
