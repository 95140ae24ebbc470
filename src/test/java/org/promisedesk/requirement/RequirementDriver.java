package org.promisedesk.requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.promisedesk.platform.ProcessTestSupport.subject;
import static org.promisedesk.requirement.RequirementProcess.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.promisedesk.mail.SendCustomerMessage;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.Groups;
import org.promisedesk.platform.ProcessTestSupport;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Drives a requirement through its tasks as the people would, for the process and scenario tests. */
class RequirementDriver {

    static final String ARCHITECT_USER = "architect";
    static final String SALES_USER = "sales";
    static final String AGENT_USER = "agent";
    static final String LEAD_USER = "lead";
    private static final AtomicInteger KEYS = new AtomicInteger();

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final TestMailServer mail;
    final List<String> started = new ArrayList<>();

    RequirementDriver(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
            IdentityService identityService, TestMailServer mail) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.mail = mail;
    }

    /** Unique per JVM, in a number range of this package's own. */
    static String nextRequestKey() {
        return "REQ-2026-07%04d".formatted(KEYS.incrementAndGet());
    }

    ProcessInstance start(String key, long customerId, Long serviceId, String statedRequest) {
        Map<String, Object> input = new HashMap<>();
        input.put(REQUEST_KEY, key);
        input.put(CUSTOMER_ID, customerId);
        input.put(STATED_REQUEST, statedRequest);
        if (serviceId != null) {
            input.put(SERVICE_ID, serviceId);
        }
        ProcessInstance instance = asUser(AGENT_USER, Groups.AGENTS,
                () -> runtimeService.startProcessInstanceByKey(PROCESS_ID, key, input));
        started.add(instance.getId());
        return instance;
    }

    /** The architect's analysis; the form's fields. */
    static Map<String, Object> analysis(String serviceType, String activity, double effortDays, String risk,
            boolean customerWillPay, String alternative, boolean betterAlternative) {
        Map<String, Object> form = new HashMap<>();
        form.put(UNDERLYING_NEED, "The need behind the request, as the architect understood it.");
        form.put(BUSINESS_GOAL, "Keep the customer's business running smoothly.");
        form.put(BENEFICIARIES, "The customer's own users");
        form.put(EFFORT_DAYS, effortDays);
        form.put(COST, 800L);
        form.put(RISK, risk);
        form.put(SERVICE_TYPE, serviceType);
        form.put(ACTIVITY, activity);
        form.put(CUSTOMER_WILL_PAY, customerWillPay);
        form.put(ALTERNATIVE, alternative);
        form.put(BETTER_ALTERNATIVE, betterAlternative);
        return form;
    }

    void analyse(ProcessInstance instance, Map<String, Object> form) {
        complete(instance, TASK_UNDERSTAND_NEED, ARCHITECT_USER, Groups.ARCHITECTS, form);
    }

    /** The decision form: the decision, a reason for the customer, and the rest as given (key, value, ...). */
    static Map<String, Object> decision(String decision, String reason, Object... more) {
        Map<String, Object> form = new HashMap<>();
        form.put(DECISION, decision);
        form.put(DECISION_REASON, reason);
        for (int i = 0; i < more.length; i += 2) {
            form.put((String) more[i], more[i + 1]);
        }
        return form;
    }

    void decide(ProcessInstance instance, Map<String, Object> form) {
        complete(instance, TASK_CONFIRM_DECISION, ARCHITECT_USER, Groups.ARCHITECTS, form);
    }

    void complete(ProcessInstance instance, String taskKey, String user, String group, Map<String, Object> form) {
        asUser(user, group, () -> {
            String id = task(taskKey, instance).getId();
            taskService.claim(id, user);
            taskService.complete(id, form);
            return null;
        });
    }

    /** What the inbound mail poller does with a reply carrying the request key. */
    void customerReplies(String key, String text) {
        runtimeService.createMessageCorrelation(MESSAGE_CUSTOMER_REPLIED).processInstanceBusinessKey(key)
                .setVariable(REPLY_TEXT, text).setVariable(REPLY_FROM, "customer@example.example")
                .setVariable(REPLY_MESSAGE_ID, "<" + key + "@mail.example>").setVariable(REPLY_FROM_CUSTOMER, true)
                .correlateAllWithResult();
    }

    ProcessInstance called(ProcessInstance parent) {
        ProcessInstance child = runtimeService.createProcessInstanceQuery().superProcessInstanceId(parent.getId())
                .singleResult();
        assertThat(child).as("a called process of %s", parent.getId()).isNotNull();
        return child;
    }

    /** The templates of every message the customer was sent from this instance, oldest first. */
    List<String> customerMessages(ProcessInstance instance) {
        return historicValues(instance, SendCustomerMessage.LAST_CUSTOMER_MESSAGE).stream()
                .map(summary -> summary.toString().replaceFirst("^template=([^;]+);.*$", "$1"))
                .toList();
    }

    List<Object> historicValues(ProcessInstance instance, String variable) {
        return historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).variableUpdates()
                .orderPartiallyByOccurrence().asc().list().stream()
                .map(HistoricVariableUpdate.class::cast)
                .filter(update -> update.getVariableName().equals(variable))
                .map(HistoricVariableUpdate::getValue)
                .toList();
    }

    /** The messages of this request that reached the address at GreenMail, oldest first. */
    List<MimeMessage> letters(String address, String key) {
        return mail.messagesTo(address).stream().filter(message -> subject(message).startsWith("[" + key + "] "))
                .toList();
    }

    /** The PDF attached to the message, or null. */
    static byte[] pdfAttachment(Part part) {
        try {
            if (part.isMimeType("application/pdf")) {
                try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    in.transferTo(out);
                    return out.toByteArray();
                }
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    byte[] found = pdfAttachment(child);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file name of the PDF attached to the message, or null. */
    static String pdfFileName(Part part) {
        try {
            if (part.isMimeType("application/pdf")) {
                return jakarta.mail.internet.MimeUtility.decodeText(part.getFileName());
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = pdfFileName(multipart.getBodyPart(i));
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a PDF that opens; fails when it does not. */
    static String pdfText(byte[] pdf) {
        assertThat(pdf).as("a PDF").isNotNull();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isPositive();
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new AssertionError("The PDF does not open: " + e.getMessage(), e);
        }
    }

    static Date date(Instant instant) {
        return Date.from(instant);
    }

    <T> T asUser(String userId, String group, Supplier<T> action) {
        return ProcessTestSupport.asUser(identityService, userId, group, action);
    }

    void cleanUp() {
        identityService.clearAuthentication();
        started.forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
    }
}
