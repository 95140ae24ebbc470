package org.promisedesk.incident;

import static org.promisedesk.incident.PostIncidentReportProcess.DRAFT_PREVIEW;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_DraftReport}: the draft needs a timeline, impact, root cause,
 * resolution and at least one action with an owner who is a user and a due date in the future.
 * Tasklist checks part of that in the browser only; this rejects any completion without it
 * ({@link BadUserRequestException}, a 400 on the REST API), and the task stays open. The lead's
 * review form shows the draft as {@code draftPreview}.
 */
@Component
class CheckReportDraft implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckReportDraft.class);

    private final ReportDrafts drafts;
    private final IncidentSettings settings;

    CheckReportDraft(ReportDrafts drafts, IncidentSettings settings) {
        this.drafts = drafts;
        this.settings = settings;
    }

    @Override
    public void notify(DelegateTask task) {
        ReportDrafts.Draft draft = drafts.check(task, "The draft cannot be submitted");
        task.setVariable(DRAFT_PREVIEW, DraftPreview.of(draft, settings.timeZone()));
        log.info("Request {}: incident report drafted by {}: {} timeline entries, {} actions",
                task.getExecution().getProcessBusinessKey(), task.getAssignee(), draft.timeline().size(),
                draft.actions().size());
    }
}
