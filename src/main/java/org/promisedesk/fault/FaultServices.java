package org.promisedesk.fault;

import static org.promisedesk.fault.FaultEscalationProcess.DOMAIN;
import static org.promisedesk.fault.FaultEscalationProcess.IP_ADDRESS;
import static org.promisedesk.fault.FaultEscalationProcess.SERVER_NAME;
import static org.promisedesk.fault.FaultEscalationProcess.SERVICE_ID;
import static org.promisedesk.fault.FaultEscalationProcess.SERVICE_KNOWN;
import static org.promisedesk.fault.FaultEscalationProcess.SERVICE_LABEL;
import static org.promisedesk.fault.FaultEscalationProcess.SERVICE_TYPE;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.promisedesk.customer.Subscription;
import org.promisedesk.customer.Subscriptions;
import org.springframework.stereotype.Component;

/** The customer's service a fault is about: read, checked to be theirs, and its facts set as variables. */
@Component
class FaultServices {

    private final Subscriptions subscriptions;

    FaultServices(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** The service a variable names, or null (with a problem added when it is given but wrong). */
    Subscription of(Object value, long customerId, List<String> problems) {
        Long id = value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                ? Long.valueOf(number.longValue())
                : value instanceof String text && text.strip().matches("\\d{1,18}") ? Long.valueOf(text.strip()) : null;
        if (id == null) {
            problems.add(SERVICE_ID + " '" + value + "' is not a service id");
            return null;
        }
        Subscription service = subscriptions.findById(id).orElse(null);
        if (service == null) {
            problems.add(SERVICE_ID + " " + id + " is not a known service");
        } else if (service.customerId() != customerId) {
            problems.add(SERVICE_ID + " " + id + " is not a service of customer " + customerId);
            return null;
        }
        return service;
    }

    static boolean blank(Object value) {
        return value == null || value instanceof String text && text.isBlank();
    }

    /** The service's facts as variables; a fact we do not have is removed, not set to null. */
    void record(VariableScope scope, Subscription service) {
        scope.setVariable(SERVICE_ID, service.id());
        scope.setVariable(SERVICE_KNOWN, true);
        scope.setVariable(SERVICE_TYPE, service.type().name());
        set(scope, DOMAIN, service.domain());
        set(scope, IP_ADDRESS, service.ipAddress());
        set(scope, SERVER_NAME, service.serverName());
        scope.setVariable(SERVICE_LABEL, service.domain() != null ? service.domain()
                : service.serverName() != null ? service.serverName() : "service " + service.id());
    }

    private static void set(VariableScope scope, String name, String value) {
        if (value == null || value.isBlank()) {
            scope.removeVariable(name);
        } else {
            scope.setVariable(name, value);
        }
    }
}
