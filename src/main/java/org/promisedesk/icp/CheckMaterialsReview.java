package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.CORRECTION_REASON;
import static org.promisedesk.icp.IcpFilingProcess.REASON_SENT_BACK;
import static org.promisedesk.icp.IcpFilingProcess.REVIEW_APPROVE;
import static org.promisedesk.icp.IcpFilingProcess.REVIEW_COMMENTS;
import static org.promisedesk.icp.IcpFilingProcess.REVIEW_DECISION;
import static org.promisedesk.icp.IcpFilingProcess.REVIEW_SEND_BACK;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ReviewMaterials}: approve, or send back with comments the customer
 * reads (what to change and why). Tasklist checks that in the browser only; this refuses any
 * other completion without them, and the task stays open.
 */
@Component
class CheckMaterialsReview implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckMaterialsReview.class);

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(REVIEW_DECISION);
        if (REVIEW_APPROVE.equals(decision)) {
            log.info("Request {}: ICP filing materials approved by {}", task.getExecution().getProcessBusinessKey(),
                    task.getAssignee());
            return;
        }
        if (!REVIEW_SEND_BACK.equals(decision)) {
            throw new BadUserRequestException("The review cannot be completed: " + REVIEW_DECISION
                    + " is required: " + REVIEW_APPROVE + " or " + REVIEW_SEND_BACK);
        }
        String comments = Texts.explanation(task.getVariable(REVIEW_COMMENTS));
        if (comments == null) {
            throw new BadUserRequestException("The review cannot be completed: " + Texts.rule(REVIEW_COMMENTS)
                    + " telling the customer what to change");
        }
        task.setVariable(REVIEW_COMMENTS, comments);
        task.setVariable(CORRECTION_REASON, REASON_SENT_BACK);
        log.info("Request {}: ICP filing materials sent back to the customer by {}",
                task.getExecution().getProcessBusinessKey(), task.getAssignee());
    }
}
