package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.ACTION_ASK_AGAIN;
import static org.promisedesk.icp.IcpFilingProcess.ACTION_UPLOADED;
import static org.promisedesk.icp.IcpFilingProcess.FILING_ID;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_REPLY_ACTION;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_REQUESTED_AT;

import java.util.Date;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_ReadPhotoReply}: either the agent uploaded the photo (then one must
 * have arrived since it was asked for), or the customer is asked again.
 */
@Component
class CheckPhotoReply implements TaskListener {

    private final Photos photos;

    CheckPhotoReply(Photos photos) {
        this.photos = photos;
    }

    @Override
    public void notify(DelegateTask task) {
        Object action = task.getVariable(PHOTO_REPLY_ACTION);
        if (ACTION_ASK_AGAIN.equals(action)) {
            return;
        }
        if (!ACTION_UPLOADED.equals(action)) {
            throw new BadUserRequestException("The reply cannot be closed: " + PHOTO_REPLY_ACTION + " is required: "
                    + ACTION_UPLOADED + " or " + ACTION_ASK_AGAIN);
        }
        long filingId = ((Number) task.getVariable(FILING_ID)).longValue();
        if (photos.latestSince(filingId, (Date) task.getVariable(PHOTO_REQUESTED_AT)).isEmpty()) {
            throw new BadUserRequestException("The reply cannot be closed: " + PHOTO_REPLY_ACTION + " is "
                    + ACTION_UPLOADED + ", but no photo has arrived for filing " + filingId
                    + " since it was asked for; upload it first: POST /api/icp-filings/" + filingId + "/photo");
        }
    }
}
