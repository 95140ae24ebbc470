package org.promisedesk.requirement;

import static org.promisedesk.requirement.RequirementProcess.ARCHITECT;
import static org.promisedesk.requirement.RequirementProcess.DECISION;
import static org.promisedesk.requirement.RequirementProcess.DECISION_REASON;
import static org.promisedesk.requirement.RequirementProcess.DUE_DATE;
import static org.promisedesk.requirement.RequirementProcess.OUTCOME_ACCEPT_NOW;
import static org.promisedesk.requirement.RequirementProcess.PROMISE_OWNER;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_PlanWork}: after an overturned appeal or an accepted quote we do what
 * was asked, so it needs an owner, a due date in the future and what the customer is told. The
 * decision becomes {@value RequirementProcess#OUTCOME_ACCEPT_NOW}; the history keeps the first one.
 */
@Component
class CheckPlan implements TaskListener {

    private final IdentityService identityService;

    CheckPlan(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        Object named = task.getVariable(PROMISE_OWNER);
        Object architect = task.getVariable(ARCHITECT);
        String owner = Values.user(identityService, Texts.blank(named) ? architect : named, PROMISE_OWNER, problems);
        Date due = Values.future(task.getVariable(DUE_DATE), DUE_DATE, problems);
        Texts.required(task, DECISION_REASON, Texts.LETTER_MIN, "telling the customer what we will do", problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The work cannot be planned: " + String.join("; ", problems));
        }
        Values.put(task, PROMISE_OWNER, owner);
        Values.put(task, DUE_DATE, due);
        Values.put(task, DECISION, OUTCOME_ACCEPT_NOW);
    }
}
