package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.FIRST_REMINDER_AT;
import static org.promisedesk.icp.IcpFilingProcess.REPLY_DUE_AT;
import static org.promisedesk.icp.IcpFilingProcess.SECOND_REMINDER_AT;
import static org.promisedesk.icp.IcpFilingProcess.WAITING_FOR;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The dates of one wait for the customer, counted from now: two reminders, then the deadline
 * after which the filing is abandoned. The timers read them, and the e-mails tell the deadline.
 */
@Component
class ReplyWindow {

    private final IcpSettings settings;

    ReplyWindow(IcpSettings settings) {
        this.settings = settings;
    }

    Date open(DelegateExecution execution, String waitingFor) {
        Date now = ClockUtil.getCurrentTime();
        Date due = after(now, settings.replyWindow());
        execution.setVariable(WAITING_FOR, waitingFor);
        execution.setVariable(FIRST_REMINDER_AT, after(now, settings.firstReminderAfter()));
        execution.setVariable(SECOND_REMINDER_AT, after(now, settings.secondReminderAfter()));
        execution.setVariable(REPLY_DUE_AT, due);
        return due;
    }

    private static Date after(Date from, Duration duration) {
        return Date.from(from.toInstant().plus(duration));
    }
}
