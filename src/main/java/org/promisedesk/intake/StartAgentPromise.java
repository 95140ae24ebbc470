package org.promisedesk.intake;

import static org.promisedesk.intake.IntakeProcess.AGENT_PROMISES;
import static org.promisedesk.intake.IntakeProcess.AGENT_PROMISE_DUE;
import static org.promisedesk.intake.IntakeProcess.AGENT_PROMISE_TEXT;
import static org.promisedesk.intake.IntakeProcess.CUSTOMER_ID;
import static org.promisedesk.intake.IntakeProcess.REQUEST_KEY;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.platform.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Completion of an agent's task with the optional "promise something" group filled in
 * ({@code agentPromiseText}, {@code agentPromiseDue}): starts a {@code promise} under the request
 * key, owned by whoever completes the task ("I'll get back to you by Friday"). The promise lives on
 * its own: the open-promise ledger shows it, and it goes on even when the request closes. Both
 * fields or neither; a promise without a future due date is rejected and the task stays open. The
 * fields are removed afterwards, so the next task starts empty.
 */
@Component
class StartAgentPromise implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(StartAgentPromise.class);
    static final String PROMISE_PROCESS = "promise";
    static final int TEXT_MIN = 10;

    private final RuntimeService runtimeService;
    private final BusinessCalendar calendar;

    StartAgentPromise(RuntimeService runtimeService, BusinessCalendar calendar) {
        this.runtimeService = runtimeService;
        this.calendar = calendar;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        Object textValue = execution.getVariable(AGENT_PROMISE_TEXT);
        Object dueValue = execution.getVariable(AGENT_PROMISE_DUE);
        execution.removeVariable(AGENT_PROMISE_TEXT);
        execution.removeVariable(AGENT_PROMISE_DUE);
        boolean noText = textValue == null || textValue instanceof String s && s.isBlank();
        boolean noDue = dueValue == null || dueValue instanceof String s && s.isBlank();
        if (noText && noDue) {
            return;
        }
        List<String> problems = new ArrayList<>();
        String text = Texts.required(textValue, AGENT_PROMISE_TEXT, TEXT_MIN, 1000, problems);
        Date due = due(dueValue, problems);
        Texts.reject("The promise cannot be made", problems);

        String owner = Actors.of(task);
        Map<String, Object> input = new HashMap<>();
        input.put("customerId", execution.getVariable(CUSTOMER_ID));
        input.put("requestKey", execution.getVariable(REQUEST_KEY));
        input.put("promiseText", text);
        input.put("owner", owner);
        input.put("dueDate", due);
        String promiseId = runtimeService.startProcessInstanceByKey(PROMISE_PROCESS, execution.getProcessBusinessKey(),
                input).getId();
        Object count = execution.getVariable(AGENT_PROMISES);
        execution.setVariable(AGENT_PROMISES, (count instanceof Number n ? n.intValue() : 0) + 1);
        log.info("Request {}: {} promised \"{}\" by {} (promise {})", execution.getProcessBusinessKey(), owner, text,
                due, promiseId);
    }

    /** A Date, or ISO text with or without an offset (without: the business calendar's zone). */
    private Date due(Object value, List<String> problems) {
        Date due = null;
        if (value instanceof Date date) {
            due = date;
        } else if (value instanceof String text && !text.isBlank()) {
            try {
                due = Date.from(OffsetDateTime.parse(text.strip()).toInstant());
            } catch (DateTimeParseException withoutOffset) {
                try {
                    due = Date.from(LocalDateTime.parse(text.strip(), DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                            .atZone(calendar.zone()).toInstant());
                } catch (DateTimeParseException e) {
                    problems.add(AGENT_PROMISE_DUE + " '" + text + "' is not a date and time like 2026-11-27T17:00+08:00");
                    return null;
                }
            }
        }
        if (due == null) {
            problems.add(AGENT_PROMISE_DUE + " is required with a promise: by when");
        } else if (!due.after(ClockUtil.getCurrentTime())) {
            problems.add(AGENT_PROMISE_DUE + " must be in the future");
        }
        return due;
    }
}
