package org.promisedesk.renewal;

import static org.promisedesk.renewal.RenewalAnswerProcess.ANSWER;
import static org.promisedesk.renewal.RenewalAnswerProcess.ANSWERS;
import static org.promisedesk.renewal.RenewalAnswerProcess.ANSWER_PAID;
import static org.promisedesk.renewal.RenewalAnswerProcess.PAID_UNTIL;
import static org.promisedesk.renewal.RenewalAnswerProcess.SERVICE_ID;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_CheckAnswer}: the start form of "Record a customer's renewal answer" names a
 * service and says paid (with the date paid until) or cancelled. Tasklist checks the form in the
 * browser only; this rejects any other start without them, naming every bad field, and nothing
 * is started. Whether the payment itself is acceptable is {@link PaymentRules}' to say.
 */
@Component
class CheckAnswer implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        Long serviceId = serviceId(execution.getVariable(SERVICE_ID));
        if (serviceId == null) {
            problems.add(SERVICE_ID + " is required: the id of the service");
        }
        Object answer = execution.getVariable(ANSWER);
        if (!(answer instanceof String text && ANSWERS.contains(text))) {
            problems.add(ANSWER + " is required: one of " + String.join(", ", ANSWERS));
        }
        Object paidUntil = execution.getVariable(PAID_UNTIL);
        if (ANSWER_PAID.equals(answer) && (paidUntil == null || paidUntil instanceof String text && text.isBlank())) {
            problems.add(PAID_UNTIL + " is required for a payment: the date the service is paid until");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The renewal answer cannot be recorded: " + String.join("; ", problems));
        }
        execution.setVariable(SERVICE_ID, serviceId);
    }

    /** Tasklist submits a number field as Long or Double; a REST client may send text. */
    static Long serviceId(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && number.doubleValue() > 0) {
            return number.longValue();
        }
        if (value instanceof String text && text.strip().matches("\\d{1,18}")) {
            return Long.valueOf(text.strip());
        }
        return null;
    }
}
