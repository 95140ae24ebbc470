package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.PHOTO_DECISION;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_IN_HAND;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_REJECT_REASON;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_REPLY_ACTION;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_REQUESTED_AT;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_RETAKE_REASON;
import static org.promisedesk.icp.IcpFilingProcess.REPLY_PHOTO_PROBLEM;
import static org.promisedesk.icp.IcpFilingProcess.WAITING_FOR_PHOTO;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SetPhotoDeadline}: opens a wait for the verification photo — reminder dates, the
 * deadline, and when it was asked for (only a photo received since counts). When the last photo
 * was unusable, the agent's reason becomes {@code photoRetakeReason} for the new request; the
 * check's form fields are removed, so that the next check starts empty.
 */
@Component
class SetPhotoDeadline implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SetPhotoDeadline.class);

    private final ReplyWindow window;

    SetPhotoDeadline(ReplyWindow window) {
        this.window = window;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object rejectReason = execution.getVariable(PHOTO_REJECT_REASON);
        if (rejectReason != null) {
            execution.setVariable(PHOTO_RETAKE_REASON, rejectReason);
        } else {
            execution.removeVariable(PHOTO_RETAKE_REASON);
        }
        execution.removeVariables(List.of(PHOTO_DECISION, PHOTO_REJECT_REASON, PHOTO_REPLY_ACTION, REPLY_PHOTO_PROBLEM));
        execution.setVariable(PHOTO_IN_HAND, false);
        execution.setVariable(PHOTO_REQUESTED_AT, ClockUtil.getCurrentTime());
        Date due = window.open(execution, WAITING_FOR_PHOTO);
        log.info("Request {}: ICP filing waits for the verification photo until {}", execution.getProcessBusinessKey(),
                due.toInstant());
    }
}
