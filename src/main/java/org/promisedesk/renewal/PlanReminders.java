package org.promisedesk.renewal;

import static org.promisedesk.renewal.ServiceRenewalProcess.ACCOUNT_MANAGER;
import static org.promisedesk.renewal.ServiceRenewalProcess.FINAL_NOTICE_AT;
import static org.promisedesk.renewal.ServiceRenewalProcess.GRACE_REMINDER_TIMES;
import static org.promisedesk.renewal.ServiceRenewalProcess.KEY_ACCOUNT;
import static org.promisedesk.renewal.ServiceRenewalProcess.LAPSED_AT;
import static org.promisedesk.renewal.ServiceRenewalProcess.RECLAIM_AT;
import static org.promisedesk.renewal.ServiceRenewalProcess.REMINDER_TIMES;
import static org.promisedesk.renewal.ServiceRenewalProcess.SALES_CALL_AT;
import static org.promisedesk.renewal.ServiceRenewalProcess.SALES_CALL_DUE;
import static org.promisedesk.renewal.ServiceRenewalProcess.SUSPEND_AT;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.CustomerKind;
import org.promisedesk.customer.ServiceProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PlanReminders}: loads the service and customer, and sets every date the renewal
 * waits for ({@link RenewalPlan}) as variables the timers read, so that no period is hard-coded
 * in the model. Key accounts (enterprise customers and VIPs) get a call from their account
 * manager.
 */
@Component
class PlanReminders implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(PlanReminders.class);

    private final ServiceFacts facts;
    private final RenewalPlan plan;
    private final IdentityService identityService;

    PlanReminders(ServiceFacts facts, RenewalPlan plan, IdentityService identityService) {
        this.facts = facts;
        this.plan = plan;
        this.identityService = identityService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Renewal renewal = facts.renewalOf(execution);
        Customer customer = facts.load(execution, renewal).customer();
        boolean keyAccount = customer.kind() == CustomerKind.ENTERPRISE || customer.serviceProfile() == ServiceProfile.VIP;
        RenewalPlan.Schedule schedule = plan.schedule(renewal.expiryDate(), keyAccount);

        execution.setVariable(REMINDER_TIMES, RenewalPlan.csv(schedule.reminders()));
        execution.setVariable(KEY_ACCOUNT, keyAccount);
        execution.setVariable(ACCOUNT_MANAGER, keyAccount ? accountManager(customer, renewal) : null);
        execution.setVariable(SALES_CALL_AT, date(schedule.salesCallAt()));
        execution.setVariable(SALES_CALL_DUE, date(schedule.salesCallDue()));
        execution.setVariable(LAPSED_AT, date(schedule.lapsedAt()));
        execution.setVariable(GRACE_REMINDER_TIMES, RenewalPlan.csv(schedule.graceReminders()));
        execution.setVariable(SUSPEND_AT, date(schedule.suspendAt()));
        execution.setVariable(FINAL_NOTICE_AT, date(schedule.finalNoticeAt()));
        execution.setVariable(RECLAIM_AT, date(schedule.reclaimAt()));
        log.info("Renewal {}: service {} of customer {} expires {}; {} reminder(s) before, {} in the grace period{}",
                renewal.businessKey(), renewal.serviceId(), customer.id(), renewal.expiryDate(),
                schedule.reminders().size(), schedule.graceReminders().size(),
                keyAccount ? ", account manager calls at " + schedule.salesCallAt() : "");
    }

    /** The account manager as the call's assignee, when that is a user; otherwise the sales team picks it up. */
    private String accountManager(Customer customer, Renewal renewal) {
        String manager = customer.accountManager();
        if (manager == null || manager.isBlank()) {
            return null;
        }
        long users = Context.getCommandContext().runWithoutAuthorization(
                () -> identityService.createUserQuery().userId(manager).count());
        if (users == 0) {
            log.warn("Renewal {}: account manager '{}' of customer {} is not a user; the call goes to the sales team",
                    renewal.businessKey(), manager, customer.id());
            return null;
        }
        return manager;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
