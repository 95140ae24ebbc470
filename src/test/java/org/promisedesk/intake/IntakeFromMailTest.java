package org.promisedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.mail.InboundRequests;
import org.promisedesk.mail.InboundRequests.NewRequestMail;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new e-mail opens a request (the whole path from the mailbox is in mail.InboundMailTest): the
 * start variables, and mail that a request could not hold as it is.
 */
@EngineTest
class IntakeFromMailTest {

    @Autowired InboundRequests inboundRequests;
    @Autowired RuntimeService runtimeService;

    private final List<String> keys = new ArrayList<>();

    @AfterEach
    void tearDown() {
        keys.forEach(key -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                .forEach(instance -> runtimeService.deleteProcessInstanceIfExists(instance.getId(), "test over", true,
                        true, true, false)));
    }

    @Test
    void shouldOpenARequestFromAKnownSender() {
        String key = open(new NewRequestMail("it@northwind.example", 1L, "Our website shows a 500 error",
                "Since this morning www.northwind.example shows an error page.", "<m1@northwind.example>", List.of()));

        assertThat(inboundRequests).isInstanceOf(IntakeFromMail.class);
        assertThat(variables(key))
                .containsEntry(IntakeProcess.REQUEST_KEY, key)
                .containsEntry(IntakeProcess.CHANNEL, "email")
                .containsEntry(IntakeProcess.CUSTOMER_ID, 1L)
                .containsEntry(IntakeProcess.CONTACT_ADDRESS, "it@northwind.example")
                .containsEntry(IntakeProcess.SUBJECT, "Our website shows a 500 error")
                .containsEntry(IntakeProcess.BODY, "Since this morning www.northwind.example shows an error page.")
                .containsEntry(IntakeProcess.INBOUND_MESSAGE_ID, "<m1@northwind.example>");
    }

    @Test
    void shouldOpenARequestFromAnUnknownSenderWithoutACustomer() {
        String key = open(new NewRequestMail("someone@new-customer.example", null, "Price for a cloud VM?",
                "How much is a VM with 8 GB?", "<m2@new-customer.example>", List.of()));

        Map<String, Object> variables = variables(key);
        assertThat(variables.get(IntakeProcess.CUSTOMER_ID)).isNull();
        assertThat(variables).containsEntry(IntakeProcess.CONTACT_ADDRESS, "someone@new-customer.example");
    }

    @Test
    void shouldMakeAnEMailWithoutSubjectAndWithALongTextFit() {
        String key = open(new NewRequestMail("it@northwind.example", 1L, "  ",
                "x".repeat(IntakeProcess.BODY_MAX * 2), "<m3@northwind.example>", List.of("log.txt (120 bytes)")));

        Map<String, Object> variables = variables(key);
        assertThat(variables).containsEntry(IntakeProcess.SUBJECT, IntakeFromMail.NO_SUBJECT);
        assertThat((String) variables.get(IntakeProcess.BODY)).hasSize(IntakeProcess.BODY_MAX)
                .endsWith("the whole e-mail is in the support mailbox]");
    }

    @Test
    void shouldMarkAVeryShortEMailAndNameItsAttachments() {
        String withAttachment = open(new NewRequestMail("it@northwind.example", 1L, "?", "",
                "<m4@northwind.example>", List.of("screenshot.png (2048 bytes)")));
        String oneLetter = open(new NewRequestMail("it@northwind.example", 1L, null, "k", "<m5@northwind.example>",
                List.of()));

        Map<String, Object> variables = variables(withAttachment);
        assertThat(variables).containsEntry(IntakeProcess.SUBJECT, IntakeFromMail.NO_SUBJECT + " ?");
        assertThat((String) variables.get(IntakeProcess.BODY)).contains("screenshot.png (2048 bytes)");
        assertThat(variables(oneLetter)).containsEntry(IntakeProcess.SUBJECT, IntakeFromMail.NO_SUBJECT)
                .containsEntry(IntakeProcess.BODY, "k\n" + IntakeFromMail.NO_TEXT);
    }

    @Test
    void shouldNotUseUpAKeyWhenTheMailsRecordRollsBack(@Autowired PlatformTransactionManager transactionManager) {
        NewRequestMail mail = new NewRequestMail("it@northwind.example", 1L, "Our website shows a 500 error",
                "Since this morning www.northwind.example shows an error page.", "<m6@northwind.example>", List.of());
        // as InboundMail does: the opening and the record in one transaction, here rolled back
        String rolledBack = new TransactionTemplate(transactionManager).execute(status -> {
            String key = inboundRequests.open(mail).orElseThrow();
            status.setRollbackOnly();
            return key;
        });

        String next = open(mail);

        assertThat(next).as("the key of the rolled-back opening, taken again").isEqualTo(rolledBack);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(next).count()).isOne();
    }

    /** What POST /api/requests refuses, an e-mail cannot be asked to send again: it is taken out, and the request opens. */
    @Test
    void shouldTakeControlAndBidiCharactersOutOfAnEMailInsteadOfRefusingIt() {
        String key = open(new NewRequestMail("it@northwind.example", 1L, "Invoice\u0000 \u202Egpj.exe\r\nBcc: x",
                "\u200B\u200B", "<m8@northwind.example>", List.of("invoice\u202Efdp.exe (10 bytes)")));
        String invisible = open(new NewRequestMail("it@northwind.example", 1L, "\u200B\uFEFF", "Hello\rthere\u001B",
                "<m9@northwind.example>", List.of()));

        Map<String, Object> variables = variables(key);
        assertThat(variables).containsEntry(IntakeProcess.SUBJECT, "Invoice gpj.exe Bcc: x");
        assertThat((String) variables.get(IntakeProcess.BODY))
                .endsWith("[Attachments, in the support mailbox: invoicefdp.exe (10 bytes)]").doesNotContain("\u202E");
        assertThat(variables(invisible)).containsEntry(IntakeProcess.SUBJECT, IntakeFromMail.NO_SUBJECT)
                .containsEntry(IntakeProcess.BODY, "Hello\nthere");
    }

    private String open(NewRequestMail mail) {
        String key = inboundRequests.open(mail).orElseThrow();
        keys.add(key);
        return key;
    }

    private Map<String, Object> variables(String key) {
        ProcessInstance intake = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(IntakeProcess.PROCESS_ID).processInstanceBusinessKey(key).singleResult();
        assertThat(intake).as("intake running under %s", key).isNotNull();
        return runtimeService.getVariables(intake.getId());
    }
}
