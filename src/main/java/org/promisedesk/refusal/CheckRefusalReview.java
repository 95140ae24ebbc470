package org.promisedesk.refusal;

import static org.promisedesk.refusal.RefusalProcess.REVIEW_COMMENTS;
import static org.promisedesk.refusal.RefusalProcess.REVIEW_DECISION;
import static org.promisedesk.refusal.RefusalProcess.REVIEW_DECISIONS;
import static org.promisedesk.refusal.RefusalProcess.REVIEW_SEND_BACK;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ReviewRefusal}: the lead approves the refusal or sends it back, and
 * sending it back needs comments that tell the author what to change.
 */
@Component
class CheckRefusalReview implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckRefusalReview.class);

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        Object decision = task.getVariable(REVIEW_DECISION);
        if (!(decision instanceof String value && REVIEW_DECISIONS.contains(value))) {
            problems.add(REVIEW_DECISION + " is required: one of " + String.join(", ", REVIEW_DECISIONS));
        }
        String comments = Texts.atLeast(task.getVariable(REVIEW_COMMENTS), Texts.NOTE_MIN);
        if (REVIEW_SEND_BACK.equals(decision) && comments == null) {
            problems.add(Texts.rule(REVIEW_COMMENTS, Texts.NOTE_MIN) + " saying what to change, to send it back");
        }
        Texts.optional(task, REVIEW_COMMENTS, Texts.NOTE_MIN, problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The review cannot be completed: " + String.join("; ", problems));
        }
        log.info("Request {}: refusal {} reviewed: {}", task.getExecution().getProcessBusinessKey(),
                task.getProcessInstanceId(), decision);
    }
}
