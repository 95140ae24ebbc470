package org.promisedesk.promise;

import static org.promisedesk.promise.PromiseProcess.CUSTOMER_ID;
import static org.promisedesk.promise.PromiseProcess.CUSTOMER_NAME;
import static org.promisedesk.promise.PromiseProcess.DUE_DATE;
import static org.promisedesk.promise.PromiseProcess.OWNER;
import static org.promisedesk.promise.PromiseProcess.PROCESS_ID;
import static org.promisedesk.promise.PromiseProcess.PROMISE_OUTCOME;
import static org.promisedesk.promise.PromiseProcess.PROMISE_TEXT;
import static org.promisedesk.promise.PromiseProcess.REQUEST_KEY;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.platform.BusinessCalendar;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import org.springframework.stereotype.Component;

/**
 * The promise ledger: every {@code promise} process instance, running or ended, read from the
 * engine's history (which holds running instances too, with their current variables). Newest
 * first. Read without the engine's authorization checks: the controller has decided who may read
 * the ledger, and an agent has no right to read other people's process instances one by one.
 */
@Component
class PromiseLedger {

    /** One promise as the ledger shows it; times in the business calendar's zone. */
    record Entry(String processInstanceId, String requestKey, Long customerId, String customerName,
            String promiseText, String owner, OffsetDateTime dueDate, String state, OffsetDateTime started,
            OffsetDateTime ended) {
    }

    private static final List<String> VARIABLES = List.of(REQUEST_KEY, CUSTOMER_ID, CUSTOMER_NAME, PROMISE_TEXT,
            OWNER, DUE_DATE, PROMISE_OUTCOME);

    private final HistoryService history;
    private final ProcessEngineConfigurationImpl configuration;
    private final ZoneId zone;

    PromiseLedger(ProcessEngine engine, BusinessCalendar calendar) {
        this.history = engine.getHistoryService();
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.zone = calendar.zone();
    }

    Page<Entry> find(LedgerState state, Long customerId, String owner, Paging paging) {
        return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
            Date now = ClockUtil.getCurrentTime();
            HistoricProcessInstanceQuery query = query(state, customerId, owner, now);
            long total = query.count();
            List<HistoricProcessInstance> instances = query.orderByProcessInstanceStartTime().desc()
                    .orderByProcessInstanceId().desc().listPage((int) paging.offset(), paging.size());
            Map<String, Map<String, Object>> variables = variables(instances);
            return paging.of(instances.stream()
                    .map(instance -> entry(instance, variables.getOrDefault(instance.getId(), Map.of()), now))
                    .toList(), total);
        }));
    }

    private HistoricProcessInstanceQuery query(LedgerState state, Long customerId, String owner, Date now) {
        HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(PROCESS_ID);
        switch (state) {
            case OPEN -> query.unfinished();
            case OVERDUE -> query.unfinished().variableValueLessThan(DUE_DATE, now);
            case KEPT, CANNOT_BE_DONE, CANCELLED -> query.finished().variableValueEquals(PROMISE_OUTCOME, state.label());
            case ALL -> {
            }
        }
        if (customerId != null) {
            query.variableValueEquals(CUSTOMER_ID, customerId);
        }
        if (owner != null) {
            query.variableValueEquals(OWNER, owner);
        }
        return query;
    }

    /** The ledger's variables of each instance, those of the process instance's own scope first. */
    private Map<String, Map<String, Object>> variables(List<HistoricProcessInstance> instances) {
        Map<String, Map<String, Object>> values = new HashMap<>();
        if (instances.isEmpty()) {
            return values;
        }
        List<HistoricVariableInstance> found = history.createHistoricVariableInstanceQuery()
                .processInstanceIdIn(instances.stream().map(HistoricProcessInstance::getId).toArray(String[]::new))
                .variableNameIn(VARIABLES.toArray(String[]::new)).disableCustomObjectDeserialization().list();
        for (HistoricVariableInstance variable : found) {
            Map<String, Object> ofInstance = values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>());
            boolean processScope = variable.getProcessInstanceId().equals(variable.getExecutionId());
            if (processScope || !ofInstance.containsKey(variable.getName())) {
                ofInstance.put(variable.getName(), variable.getValue());
            }
        }
        return values;
    }

    private Entry entry(HistoricProcessInstance instance, Map<String, Object> variables, Date now) {
        Date due = variables.get(DUE_DATE) instanceof Date date ? date : null;
        String key = instance.getBusinessKey() != null ? instance.getBusinessKey() : text(variables.get(REQUEST_KEY));
        Long customerId = variables.get(CUSTOMER_ID) instanceof Number number ? number.longValue() : null;
        return new Entry(instance.getId(), key, customerId, text(variables.get(CUSTOMER_NAME)),
                text(variables.get(PROMISE_TEXT)), text(variables.get(OWNER)), time(due),
                state(instance, variables, due, now), time(instance.getStartTime()), time(instance.getEndTime()));
    }

    /** open or overdue while running; once ended its outcome, or terminated when it has none (deleted). */
    private static String state(HistoricProcessInstance instance, Map<String, Object> variables, Date due, Date now) {
        if (instance.getEndTime() == null) {
            return due != null && due.before(now) ? LedgerState.OVERDUE.label() : LedgerState.OPEN.label();
        }
        Object outcome = variables.get(PROMISE_OUTCOME);
        return outcome == null ? "terminated" : outcome.toString();
    }

    private OffsetDateTime time(Date date) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
