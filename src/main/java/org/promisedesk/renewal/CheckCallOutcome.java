package org.promisedesk.renewal;

import static org.promisedesk.renewal.ServiceRenewalProcess.CALL_NOTES;
import static org.promisedesk.renewal.ServiceRenewalProcess.CALL_OUTCOME;
import static org.promisedesk.renewal.ServiceRenewalProcess.CALL_OUTCOMES;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_CallCustomer}: the account manager says how the call went and what
 * was said (at least {@value #MIN_NOTES} characters). Tasklist checks that in the browser only;
 * any other completion without them is rejected and the task stays open.
 */
@Component
class CheckCallOutcome implements TaskListener {

    static final int MIN_NOTES = 10;

    private static final Logger log = LoggerFactory.getLogger(CheckCallOutcome.class);

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        Object outcome = task.getVariable(CALL_OUTCOME);
        if (!(outcome instanceof String value && CALL_OUTCOMES.contains(value))) {
            problems.add(CALL_OUTCOME + " is required: one of " + String.join(", ", CALL_OUTCOMES));
        }
        Object notes = task.getVariable(CALL_NOTES);
        if (!(notes instanceof String text && text.strip().length() >= MIN_NOTES)) {
            problems.add(CALL_NOTES + " is required: at least " + MIN_NOTES + " characters on what was said");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The call cannot be closed: " + String.join("; ", problems));
        }
        log.info("Renewal {}: {} called the customer: {}", task.getExecution().getProcessBusinessKey(),
                task.getAssignee(), outcome);
    }
}
