package org.promisedesk.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.promisedesk.customer.Customers;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Which request an e-mail answers, and handing the answer to it: the message event
 * {@value CustomerReplies#MESSAGE} for every instance of the request waiting for it, or else a
 * task for an agent.
 */
@Component
class ReplyRouting {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    /** A References header can be made endless: only the latest ones are looked up. */
    private static final int MAX_REFERENCES = 20;

    /** The request a reply is about, and how it says so (for the record and the sender check). */
    record Reference(String requestKey, String how) {
    }

    private final OutboundMessages outbound;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final Customers customers;

    ReplyRouting(OutboundMessages outbound, RuntimeService runtimeService, HistoryService historyService,
            Customers customers) {
        this.outbound = outbound;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.customers = customers;
    }

    /** By In-Reply-To/References naming one of our messages, else by a {@code [REQ-…]} subject tag of a known request. */
    Optional<Reference> referenceOf(MimeMessage message, String subject) throws MessagingException {
        List<String> referenced = new ArrayList<>();
        for (String header : new String[] {"In-Reply-To", "References"}) {
            String value = message.getHeader(header, " ");
            Matcher matcher = MESSAGE_ID.matcher(value == null ? "" : value);
            List<String> ids = new ArrayList<>();
            while (matcher.find()) {
                ids.add(matcher.group());
            }
            // References lists the oldest first: the latest are the likeliest to be ours
            referenced.addAll(ids.subList(Math.max(0, ids.size() - MAX_REFERENCES), ids.size()));
        }
        for (String messageId : referenced) {
            Optional<String> key = outbound.requestKeyOf(messageId);
            if (key.isPresent()) {
                return Optional.of(new Reference(key.get(), "In-Reply-To/References " + messageId));
            }
        }
        return RequestKeys.inSubject(subject).filter(this::isKnown).map(key -> new Reference(key, "subject tag"));
    }

    /** True when a process instance of the request waited for the reply and got it. */
    boolean correlate(String requestKey, Map<String, Object> replyVariables) {
        return !runtimeService.createMessageCorrelation(CustomerReplies.MESSAGE)
                .processInstanceBusinessKey(requestKey).setVariables(replyVariables)
                .correlateAllWithResult().isEmpty();
    }

    /** The addresses we wrote to about the request, and those of the customers its processes serve. */
    Set<String> customerAddresses(String requestKey) {
        Set<String> addresses = new HashSet<>(outbound.recipientsOf(requestKey));
        String[] instances = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(requestKey)
                .list().stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
        if (instances.length > 0) {
            for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(instances).variableName(SendCustomerMessage.CUSTOMER_ID).list()) {
                if (variable.getValue() instanceof Number id) {
                    customers.findById(id.longValue()).map(c -> c.email()).ifPresent(addresses::add);
                }
            }
        }
        return addresses;
    }

    static Map<String, Object> replyVariables(String text, String from, String messageId, boolean fromCustomer) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CustomerReplies.REPLY_TEXT, text.length() <= CustomerReplies.MAX_REPLY_TEXT ? text
                : text.substring(0, CustomerReplies.MAX_REPLY_TEXT - 1) + "…");
        variables.put(CustomerReplies.REPLY_FROM, from);
        variables.put(CustomerReplies.REPLY_MESSAGE_ID, messageId);
        variables.put(CustomerReplies.REPLY_FROM_CUSTOMER, fromCustomer);
        return variables;
    }

    private boolean isKnown(String requestKey) {
        return !outbound.recipientsOf(requestKey).isEmpty()
                || historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(requestKey).count() > 0;
    }
}
