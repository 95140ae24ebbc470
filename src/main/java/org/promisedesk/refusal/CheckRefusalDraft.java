package org.promisedesk.refusal;

import static org.promisedesk.refusal.RefusalProcess.ALTERNATIVE;
import static org.promisedesk.refusal.RefusalProcess.EXPLANATION;
import static org.promisedesk.refusal.RefusalProcess.REASON_CATEGORIES;
import static org.promisedesk.refusal.RefusalProcess.REASON_CATEGORY;
import static org.promisedesk.refusal.RefusalProcess.REFERRAL;
import static org.promisedesk.refusal.RefusalProcess.REFUSED_BY;
import static org.promisedesk.refusal.RefusalProcess.REVIEW_COMMENTS;
import static org.promisedesk.refusal.RefusalProcess.REVIEW_DECISION;

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
 * Completion of {@code Task_DraftRefusal}: no refusal without a reason category and an
 * explanation that says something. Tasklist checks the form in the browser only; this rejects
 * any other completion (REST, Java) and the task stays open. A lead's earlier review is removed
 * (the history keeps it), so that the next review starts with an empty form.
 */
@Component
class CheckRefusalDraft implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckRefusalDraft.class);

    private final IdentityService identityService;

    CheckRefusalDraft(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        Object category = task.getVariable(REASON_CATEGORY);
        if (!(category instanceof String value && REASON_CATEGORIES.contains(value))) {
            problems.add(REASON_CATEGORY + " is required: one of " + String.join(", ", REASON_CATEGORIES));
        }
        String explanation = Texts.atLeast(task.getVariable(EXPLANATION), Texts.EXPLANATION_MIN);
        if (explanation == null) {
            problems.add(Texts.rule(EXPLANATION, Texts.EXPLANATION_MIN)
                    + " telling the customer in plain words why not");
        }
        Texts.optional(task, ALTERNATIVE, Texts.NOTE_MIN, problems);
        Texts.optional(task, REFERRAL, Texts.NOTE_MIN, problems);
        String refusedBy = refusedBy(task);
        if (refusedBy == null) {
            problems.add(REFUSED_BY + " is unknown: claim the task before completing it");
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The refusal cannot be drafted: " + String.join("; ", problems));
        }
        Texts.normalise(task, EXPLANATION, explanation);
        if (!refusedBy.equals(task.getVariable(REFUSED_BY))) {
            task.setVariable(REFUSED_BY, refusedBy);
        }
        task.removeVariable(REVIEW_DECISION);
        task.removeVariable(REVIEW_COMMENTS);
        log.info("Request {}: refusal {} drafted ({}), refused by {}", task.getExecution().getProcessBusinessKey(),
                task.getProcessInstanceId(), category, refusedBy);
    }

    /** Who was named, else who completes the draft, else whom it is assigned to. */
    private String refusedBy(DelegateTask task) {
        if (task.getVariable(REFUSED_BY) instanceof String named && !named.isBlank()) {
            return named;
        }
        Authentication current = identityService.getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }
}
