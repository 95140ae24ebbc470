package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.SUBMISSION_NUMBER;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_SubmitFiling}: the number the authority's system gave the submission
 * (letters, digits and dashes, 6 to 40), which the status checks quote.
 */
@Component
class CheckSubmission implements TaskListener {

    static final Pattern SUBMISSION_NUMBER_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{5,39}");

    @Override
    public void notify(DelegateTask task) {
        String number = Materials.text(task.getVariable(SUBMISSION_NUMBER));
        if (number == null || !SUBMISSION_NUMBER_PATTERN.matcher(number).matches()) {
            throw new BadUserRequestException("The submission cannot be recorded: " + SUBMISSION_NUMBER
                    + (number == null ? " is required" : " '" + number + "' is not one")
                    + ": the number the authority's system shows, letters, digits and dashes, 6 to 40");
        }
        task.setVariable(SUBMISSION_NUMBER, number);
    }
}
