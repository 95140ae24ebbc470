package org.promisedesk.platform;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * What an inbox row says about every user task of every model, also one a process owner deploys
 * from the Modeler without thinking of it (docs/agents-guide.md):
 * <ul>
 * <li><b>priority</b>: the model's {@code camunda:priority} when it has one; otherwise the
 * request's priority ({@link #PRIORITIES}: P1 90, P2 70, P3 50 — the fault model's own scale), 50
 * when the process knows none;</li>
 * <li><b>due date</b>: the model's {@code camunda:dueDate} when it has one; otherwise the
 * request's resolution deadline when the process holds one ({@link #DEADLINE_VARIABLES}); otherwise
 * one business day after the task was created ({@link BusinessCalendar}), so that no task a person
 * must act on stays out of "Due today / overdue" while the customer waits.</li>
 * </ul>
 */
@Component
public class TaskCard extends AbstractProcessEnginePlugin {

    /** The request's priority variable and the task priority each value gives. */
    public static final String PRIORITY_VARIABLE = "priority";
    public static final Map<String, Integer> PRIORITIES = Map.of("P1", 90, "P2", 70, "P3", 50);
    public static final int DEFAULT_PRIORITY = 50;
    /** The request's deadlines, the first one set wins: intake's resolution SLA, the fault's fix-by. */
    public static final List<String> DEADLINE_VARIABLES = List.of("resolutionDue", "resolveBy");
    public static final int DEFAULT_BUSINESS_DAYS = 1;
    /**
     * What an inbox row shows, copied onto the task under names of its own (task variable, process
     * variable): Tasklist shows an agent only variables it may read, and agents may read their tasks
     * but not every process instance. Own names, so that a form's write of {@code priority} or
     * {@code subject} still goes to the process, not to a copy that ends with the task.
     */
    public static final Map<String, String> ROW_VARIABLES = Map.of("rowRequestKey", "requestKey",
            "rowCustomer", "customerName", "rowSubject", "subject", "rowPriority", PRIORITY_VARIABLE);

    private final BusinessCalendar calendar;

    public TaskCard(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EveryUserTask.onCreate(configuration,
                definition -> task -> fill(task, definition.getPriorityExpression() != null));
    }

    private void fill(DelegateTask task, boolean modelSetsPriority) {
        if (!modelSetsPriority) {
            task.setPriority(priorityOf(task.getVariable(PRIORITY_VARIABLE)));
        }
        ROW_VARIABLES.forEach((row, source) -> {
            Object value = task.getVariable(source);
            if (value != null) {
                task.setVariableLocal(row, value);
            }
        });
        if (task.getDueDate() == null) {
            task.setDueDate(deadlineOf(task).orElseGet(() ->
                    calendar.addBusinessDays(ClockUtil.getCurrentTime(), DEFAULT_BUSINESS_DAYS)));
        }
    }

    static int priorityOf(Object requestPriority) {
        return requestPriority == null ? DEFAULT_PRIORITY
                : PRIORITIES.getOrDefault(requestPriority.toString(), DEFAULT_PRIORITY);
    }

    private static java.util.Optional<Date> deadlineOf(DelegateTask task) {
        return DEADLINE_VARIABLES.stream().map(task::getVariable).filter(Date.class::isInstance).map(Date.class::cast)
                .findFirst();
    }
}
