package org.promisedesk.refusal;

import static org.promisedesk.refusal.RefusalProcess.ANSWER_BY;
import static org.promisedesk.refusal.RefusalProcess.ANSWER_NOTE;
import static org.promisedesk.refusal.RefusalProcess.CUSTOMER_ANSWER;
import static org.promisedesk.refusal.RefusalProcess.REPLY_FROM;
import static org.promisedesk.refusal.RefusalProcess.REPLY_FROM_CUSTOMER;
import static org.promisedesk.refusal.RefusalProcess.REPLY_MESSAGE_ID;
import static org.promisedesk.refusal.RefusalProcess.REPLY_TEXT;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_KeepWaiting}: the customer asked a question or made a remark, and the agent has
 * answered it. The refusal waits again for accept or appeal, with a fresh answer window counted
 * from this contact, so a late question does not turn into acceptance by silence at once. The
 * answer's fields are removed (the history keeps them), so the next answer starts empty.
 */
@Component
class KeepWaiting implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(KeepWaiting.class);

    private final RefusalSettings settings;

    KeepWaiting(RefusalSettings settings) {
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date answerBy = settings.answerBy();
        execution.setVariable(ANSWER_BY, answerBy);
        execution.removeVariables(List.of(CUSTOMER_ANSWER, ANSWER_NOTE, REPLY_TEXT, REPLY_FROM, REPLY_MESSAGE_ID,
                REPLY_FROM_CUSTOMER));
        log.info("Request {}: refusal {} waits again for the customer's answer, until {}",
                execution.getProcessBusinessKey(), execution.getProcessInstanceId(), answerBy.toInstant());
    }
}
