package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.ESCALATION_NOTE;
import static org.promisedesk.fault.FaultEscalationProcess.ESCALATION_TIER;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_ESCALATE_TO_ON_CALL;
import static org.promisedesk.fault.FaultEscalationProcess.TASK_FIX_FAULT;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The escalation notices {@code Task_EscalateToLeads} (tier 2) and {@code Task_EscalateToOnCall}
 * (tier 3). Created: {@code escalationTier} goes up (the customer's next update says so) and the
 * tech's open task gets a higher priority. Completed: the lead's {@code escalationNote}, what
 * was done about it.
 */
@Component
class RaiseEscalationTier implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(RaiseEscalationTier.class);
    static final int TIER_2_PRIORITY = 80;
    static final int TIER_3_PRIORITY = 95;

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            String note = Texts.atLeast(task.getVariable(ESCALATION_NOTE), Texts.NOTE_MIN);
            if (note == null) {
                throw new BadUserRequestException("The escalation cannot be closed: " + Texts.rule(ESCALATION_NOTE)
                        + " saying what was done about it");
            }
            Texts.normalise(task, ESCALATION_NOTE, note);
            return;
        }
        boolean onCall = TASK_ESCALATE_TO_ON_CALL.equals(task.getTaskDefinitionKey());
        int tier = onCall ? 3 : 2;
        if (!(task.getVariable(ESCALATION_TIER) instanceof Integer current) || current < tier) {
            task.getExecution().setVariable(ESCALATION_TIER, tier);
        }
        TaskService tasks = task.getProcessEngineServices().getTaskService();
        for (Task fix : tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(TASK_FIX_FAULT).list()) {
            tasks.setPriority(fix.getId(), onCall ? TIER_3_PRIORITY : TIER_2_PRIORITY);
        }
        log.warn("Request {}: fault past its resolution deadline, escalated to tier {} ({})",
                task.getExecution().getProcessBusinessKey(), tier, onCall ? task.getAssignee() : "leads");
    }
}
