package org.promisedesk.incident;

import static org.promisedesk.incident.PostIncidentReportProcess.DRAFTER;
import static org.promisedesk.incident.PostIncidentReportProcess.LATE_DRAFT_NOTE;
import static org.promisedesk.incident.PostIncidentReportProcess.REASSIGN_TO;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_FollowUpLateDraft}: the lead says what was agreed about the late
 * draft (a comment on the draft task) and may hand the draft to another user ({@code reassignTo}).
 */
@Component
class CheckLateDraftFollowUp implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckLateDraftFollowUp.class);

    private final TaskService taskService;
    private final StaffNames names;

    CheckLateDraftFollowUp(TaskService taskService, StaffNames names) {
        this.taskService = taskService;
        this.names = names;
    }

    @Override
    public void notify(DelegateTask task) {
        String note = Texts.valid(task.getVariable(LATE_DRAFT_NOTE));
        Object reassignTo = task.getVariable(REASSIGN_TO);
        String newDrafter = reassignTo instanceof String text && !text.isBlank() ? text.strip() : null;
        String problems = note == null ? Texts.rule(LATE_DRAFT_NOTE) + " saying what was agreed" : "";
        if (newDrafter != null && names.of(newDrafter) == null) {
            problems += (problems.isEmpty() ? "" : "; ") + REASSIGN_TO + " '" + newDrafter + "' is not a user";
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The late draft cannot be closed: " + problems);
        }
        String processInstanceId = task.getProcessInstanceId();
        String lead = task.getAssignee() != null ? task.getAssignee() : "a lead";
        DraftTask.change(taskService, processInstanceId, draftTask -> {
            taskService.createComment(draftTask.getId(), processInstanceId, "Late report followed up by " + lead + ": "
                    + note + (newDrafter == null ? "" : " (handed over to " + newDrafter + ")"));
            if (newDrafter != null) {
                taskService.setAssignee(draftTask.getId(), newDrafter);
            }
        });
        if (newDrafter != null) {
            task.setVariable(DRAFTER, newDrafter);
        }
        log.info("Request {}: late incident report followed up by {}{}", task.getExecution().getProcessBusinessKey(),
                lead, newDrafter == null ? "" : ", handed over to " + newDrafter);
    }
}
