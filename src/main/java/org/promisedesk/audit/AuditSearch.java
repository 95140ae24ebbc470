package org.promisedesk.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.promisedesk.intake.IntakeProcess;
import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import org.springframework.stereotype.Component;

/** Finds requests, finished or open: the top-level process instances that carry a request key. */
@Component
class AuditSearch {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Each null criterion matches everything; {@code requestClass} is intake's {@code requestClass}. */
    record Criteria(LocalDate from, LocalDate to, Long customerId, String process, String outcome,
            String requestClass) {
    }

    record Found(String key, String process, String processInstanceId, String state, Instant started, Instant ended) {
    }

    private final HistoryService historyService;

    AuditSearch(HistoryService historyService) {
        this.historyService = historyService;
    }

    Page<Found> find(Criteria criteria, Paging paging) {
        HistoricProcessInstanceQuery query = query(criteria);
        long total = query.count();
        return paging.of(query.orderByProcessInstanceStartTime().desc()
                .listPage((int) paging.offset(), paging.size()).stream()
                .map(AuditSearch::found).toList(), total);
    }

    HistoricProcessInstanceQuery query(Criteria criteria) {
        HistoricProcessInstanceQuery query = historyService.createHistoricProcessInstanceQuery()
                .rootProcessInstances().processInstanceBusinessKeyLike("%");
        if (criteria.from() != null) {
            query.startedAfter(Date.from(criteria.from().atStartOfDay(ZONE).toInstant()));
        }
        if (criteria.to() != null) {
            query.startedBefore(Date.from(criteria.to().plusDays(1).atStartOfDay(ZONE).toInstant()));
        }
        if (criteria.customerId() != null) {
            query.variableValueEquals("customerId", criteria.customerId());
        }
        if (criteria.requestClass() != null) {
            query.variableValueEquals(IntakeProcess.REQUEST_CLASS, criteria.requestClass());
        }
        if (criteria.process() != null) {
            query.processDefinitionKey(criteria.process());
        }
        if (criteria.outcome() != null) {
            switch (criteria.outcome()) {
                case "open" -> query.unfinished();
                case "completed" -> query.completed();
                case "cancelled" -> query.externallyTerminated();
                default -> throw new InvalidParameter("outcome", "must be open, completed or cancelled");
            }
        }
        return query;
    }

    private static Found found(HistoricProcessInstance instance) {
        return new Found(instance.getBusinessKey(), instance.getProcessDefinitionKey(), instance.getId(),
                instance.getState(), Times.of(instance.getStartTime()), Times.of(instance.getEndTime()));
    }
}
