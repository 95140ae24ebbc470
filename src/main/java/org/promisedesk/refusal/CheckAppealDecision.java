package org.promisedesk.refusal;

import static org.promisedesk.refusal.RefusalProcess.APPEAL_ANSWER;
import static org.promisedesk.refusal.RefusalProcess.APPEAL_DECISION;
import static org.promisedesk.refusal.RefusalProcess.APPEAL_DECISIONS;
import static org.promisedesk.refusal.RefusalProcess.APPEAL_OVERTURN;
import static org.promisedesk.refusal.RefusalProcess.CALLED_BY_PROCESS;
import static org.promisedesk.refusal.RefusalProcess.FOLLOW_UP_DUE_DATE;
import static org.promisedesk.refusal.RefusalProcess.OUTCOME_OVERTURNED;
import static org.promisedesk.refusal.RefusalProcess.OUTCOME_UPHELD;
import static org.promisedesk.refusal.RefusalProcess.REFUSAL_OUTCOME;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_DecideAppeal}: the lead upholds the refusal or overturns it, and
 * either way writes what the customer is told. An overturned refusal that no process called is
 * done as a promise, due from now; a calling process carries on by itself.
 */
@Component
class CheckAppealDecision implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckAppealDecision.class);

    private final RefusalSettings settings;

    CheckAppealDecision(RefusalSettings settings) {
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        Object decision = task.getVariable(APPEAL_DECISION);
        if (!(decision instanceof String value && APPEAL_DECISIONS.contains(value))) {
            problems.add(APPEAL_DECISION + " is required: one of " + String.join(", ", APPEAL_DECISIONS));
        }
        String answer = Texts.atLeast(task.getVariable(APPEAL_ANSWER), Texts.EXPLANATION_MIN);
        if (answer == null) {
            problems.add(Texts.rule(APPEAL_ANSWER, Texts.EXPLANATION_MIN) + " telling the customer the decision");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The appeal cannot be decided: " + String.join("; ", problems));
        }
        Texts.normalise(task, APPEAL_ANSWER, answer);
        boolean overturned = APPEAL_OVERTURN.equals(decision);
        task.setVariable(REFUSAL_OUTCOME, overturned ? OUTCOME_OVERTURNED : OUTCOME_UPHELD);
        if (overturned && !Boolean.TRUE.equals(task.getVariable(CALLED_BY_PROCESS))) {
            task.setVariable(FOLLOW_UP_DUE_DATE, settings.followUpDue());
        }
        log.info("Request {}: appeal against refusal {} decided: {}", task.getExecution().getProcessBusinessKey(),
                task.getProcessInstanceId(), overturned ? OUTCOME_OVERTURNED : OUTCOME_UPHELD);
    }
}
