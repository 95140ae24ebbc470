package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.FILING_STATUS;
import static org.promisedesk.icp.IcpFilingProcess.FILING_STATUSES;
import static org.promisedesk.icp.IcpFilingProcess.ICP_NUMBER;
import static org.promisedesk.icp.IcpFilingProcess.REJECTION_REASONS;
import static org.promisedesk.icp.IcpFilingProcess.STATUS_APPROVED;
import static org.promisedesk.icp.IcpFilingProcess.STATUS_CHECKS;
import static org.promisedesk.icp.IcpFilingProcess.STATUS_REJECTED;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_CheckFilingStatus}: still pending, approved with the ICP number (in
 * the authority's form, like 京ICP备12345678号 or 沪ICP备2020031415号-1), or rejected with the
 * reasons the customer reads.
 */
@Component
class CheckFilingStatus implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(CheckFilingStatus.class);

    @Override
    public void notify(DelegateTask task) {
        Object status = task.getVariable(FILING_STATUS);
        if (!(status instanceof String value && FILING_STATUSES.contains(value))) {
            throw refused(FILING_STATUS + " is required: one of " + String.join(", ", FILING_STATUSES));
        }
        if (STATUS_APPROVED.equals(status)) {
            String given = Materials.text(task.getVariable(ICP_NUMBER));
            String number = given == null ? null : IcpNumbers.normalise(given);
            if (number == null) {
                throw refused(ICP_NUMBER + (given == null ? " is required" : " '" + given + "' is not one")
                        + ": the number as the authority issued it, like 京ICP备12345678号 or 沪ICP备2020031415号-1");
            }
            task.setVariable(ICP_NUMBER, number);
        } else if (STATUS_REJECTED.equals(status)) {
            String reasons = Texts.explanation(task.getVariable(REJECTION_REASONS));
            if (reasons == null) {
                throw refused(Texts.rule(REJECTION_REASONS) + " telling the customer why and what to correct");
            }
            task.setVariable(REJECTION_REASONS, reasons);
        }
        Object checks = task.getVariable(STATUS_CHECKS);
        task.setVariable(STATUS_CHECKS, checks instanceof Number n ? n.intValue() + 1 : 1);
        log.info("Request {}: ICP filing status checked by {}: {}", task.getExecution().getProcessBusinessKey(),
                task.getAssignee(), status);
    }

    private static BadUserRequestException refused(String problem) {
        return new BadUserRequestException("The status cannot be recorded: " + problem);
    }
}
