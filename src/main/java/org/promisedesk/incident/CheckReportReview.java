package org.promisedesk.incident;

import static org.promisedesk.incident.PostIncidentReportProcess.DECISIONS;
import static org.promisedesk.incident.PostIncidentReportProcess.DECISION_APPROVE;
import static org.promisedesk.incident.PostIncidentReportProcess.REVIEW_COMMENTS;
import static org.promisedesk.incident.PostIncidentReportProcess.REVIEW_DECISION;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ReviewReport}: a decision, comments when changes are requested, and
 * for an approval a draft that is still complete (an action's due date may have passed meanwhile:
 * then the lead asks for changes).
 */
@Component
class CheckReportReview implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckReportReview.class);

    private final ReportDrafts drafts;

    CheckReportReview(ReportDrafts drafts) {
        this.drafts = drafts;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(REVIEW_DECISION);
        if (!(decision instanceof String value && DECISIONS.contains(value))) {
            throw new BadUserRequestException("The review cannot be completed: " + REVIEW_DECISION
                    + " is required: one of " + String.join(", ", DECISIONS));
        }
        if (DECISION_APPROVE.equals(decision)) {
            drafts.check(task, "The report cannot be approved, ask for changes");
        } else {
            String comments = Texts.valid(task.getVariable(REVIEW_COMMENTS));
            if (comments == null) {
                throw new BadUserRequestException("The review cannot be completed: "
                        + Texts.rule(REVIEW_COMMENTS) + " saying what to change");
            }
            if (!comments.equals(task.getVariable(REVIEW_COMMENTS))) {
                task.setVariable(REVIEW_COMMENTS, comments);
            }
        }
        log.info("Request {}: incident report reviewed by {}: {}", task.getExecution().getProcessBusinessKey(),
                task.getAssignee(), decision);
    }
}
