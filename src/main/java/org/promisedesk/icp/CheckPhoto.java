package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.FILING_ID;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_ACCEPT;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_ACCEPTED;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_CHECKED_BY;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_DECISION;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_REJECT;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_REJECT_REASON;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_CheckPhoto}: accept the last photo received, or reject it with the
 * reason the customer reads. Records on the photo who checked it and when — the logged-in user,
 * else the task's assignee; a completion by nobody known is refused.
 */
@Component
class CheckPhoto implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckPhoto.class);

    private final Photos photos;
    private final IdentityService identityService;

    CheckPhoto(Photos photos, IdentityService identityService) {
        this.photos = photos;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        Object decision = task.getVariable(PHOTO_DECISION);
        if (!PHOTO_ACCEPT.equals(decision) && !PHOTO_REJECT.equals(decision)) {
            throw refused(PHOTO_DECISION + " is required: " + PHOTO_ACCEPT + " or " + PHOTO_REJECT);
        }
        boolean accepted = PHOTO_ACCEPT.equals(decision);
        String reason = accepted ? null : Texts.explanation(task.getVariable(PHOTO_REJECT_REASON));
        if (!accepted && reason == null) {
            throw refused(Texts.rule(PHOTO_REJECT_REASON) + " telling the customer what to change in the photo");
        }
        String checkedBy = checker(task);
        long filingId = ((Number) task.getVariable(FILING_ID)).longValue();
        Photos.Photo photo = photos.latest(filingId)
                .orElseThrow(() -> refused("filing " + filingId + " has no photo to check"));
        photos.checked(photo.id(), checkedBy, accepted, reason);
        task.setVariable(PHOTO_ACCEPTED, accepted);
        task.setVariable(PHOTO_CHECKED_BY, checkedBy);
        if (reason != null) {
            task.setVariable(PHOTO_REJECT_REASON, reason);
        }
        log.info("Request {}: verification photo {} {} by {}", task.getExecution().getProcessBusinessKey(), photo.id(),
                accepted ? "accepted" : "rejected", checkedBy);
    }

    private String checker(DelegateTask task) {
        Authentication user = identityService.getCurrentAuthentication();
        if (user != null && user.getUserId() != null) {
            return user.getUserId();
        }
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        throw refused("who checked the photo must be known: log in, or claim the task first");
    }

    private static BadUserRequestException refused(String problem) {
        return new BadUserRequestException("The photo check cannot be completed: " + problem);
    }
}
