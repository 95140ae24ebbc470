package org.promisedesk.requirement;

import static org.promisedesk.requirement.RequirementProcess.ACTIVITY;
import static org.promisedesk.requirement.RequirementProcess.ALTERNATIVE;
import static org.promisedesk.requirement.RequirementProcess.BENEFICIARIES;
import static org.promisedesk.requirement.RequirementProcess.BETTER_ALTERNATIVE;
import static org.promisedesk.requirement.RequirementProcess.BUSINESS_GOAL;
import static org.promisedesk.requirement.RequirementProcess.COST;
import static org.promisedesk.requirement.RequirementProcess.CUSTOMER_WILL_PAY;
import static org.promisedesk.requirement.RequirementProcess.EFFORT_DAYS;
import static org.promisedesk.requirement.RequirementProcess.RISK;
import static org.promisedesk.requirement.RequirementProcess.RISKS;
import static org.promisedesk.requirement.RequirementProcess.SERVICE_TYPE;
import static org.promisedesk.requirement.RequirementProcess.UNDERLYING_NEED;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.promisedesk.customer.ServiceType;
import org.springframework.stereotype.Component;

/**
 * Completion of {@code Task_UnderstandNeed}: the analysis the two decisions and the letter rely
 * on is complete — the real need, the goal, who benefits, effort, cost, risk, service type and
 * kind of work (the contract scope), whether the customer pays, and the alternative considered.
 * Anything else is rejected naming the fields, and the task stays open.
 */
@Component
class CheckAnalysis implements TaskListener {

    private static final List<String> SERVICE_TYPES = Stream.of(ServiceType.values()).map(Enum::name).toList();

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        Texts.required(task, UNDERLYING_NEED, Texts.NOTE_MIN, "on the need behind the request", problems);
        Texts.required(task, BUSINESS_GOAL, Texts.NOTE_MIN, "on the business goal it serves", problems);
        Texts.required(task, BENEFICIARIES, 3, "naming who benefits", problems);
        Texts.required(task, ALTERNATIVE, Texts.NOTE_MIN, "on the alternative considered", problems);
        Double effort = Values.number(task.getVariable(EFFORT_DAYS), EFFORT_DAYS, 0, problems);
        Double cost = Values.number(task.getVariable(COST), COST, 0, problems);
        String risk = Values.oneOf(task.getVariable(RISK), RISK, RISKS, problems);
        String type = Values.oneOf(task.getVariable(SERVICE_TYPE), SERVICE_TYPE, SERVICE_TYPES, problems);
        String activity = Values.oneOf(task.getVariable(ACTIVITY), ACTIVITY, ServiceScope.ACTIVITIES, problems);
        Boolean pays = Values.yesNo(task.getVariable(CUSTOMER_WILL_PAY), CUSTOMER_WILL_PAY, problems);
        Object better = task.getVariable(BETTER_ALTERNATIVE);
        Boolean betterAlternative = better == null ? Boolean.FALSE : Values.yesNo(better, BETTER_ALTERNATIVE, problems);
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The analysis is not complete: " + String.join("; ", problems));
        }
        Values.put(task, EFFORT_DAYS, effort);
        Values.put(task, COST, cost);
        Values.put(task, RISK, risk);
        Values.put(task, SERVICE_TYPE, type);
        Values.put(task, ACTIVITY, activity);
        Values.put(task, CUSTOMER_WILL_PAY, pays);
        Values.put(task, BETTER_ALTERNATIVE, betterAlternative);
    }
}
