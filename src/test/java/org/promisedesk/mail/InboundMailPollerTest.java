package org.promisedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.StandaloneApp;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Folder;
import jakarta.mail.Store;

/**
 * The poller as configured in production: on only when {@code promise-desk.mail.inbound.host}
 * is set, polling on its own schedule, moving what it handled to {@code processed-folder}. It
 * runs in an application of its own (the shared test context has no inbound host), against a
 * GreenMail of its own.
 */
class InboundMailPollerTest {

    private static final String SUPPORT = "support@promisedesk.example";

    private GreenMail greenMail;

    @BeforeEach
    void startMailServer() {
        greenMail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(),
                ServerSetupTest.IMAP.dynamicPort()});
        greenMail.start();
        greenMail.setUser(SUPPORT, SUPPORT, "support");
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    @Test
    void shouldPollTheSupportMailboxOnItsOwnAndMoveWhatItHandled() throws Exception {
        InboundTestMail request = InboundTestMail.from("it@northwind.example").subject("Backup restore, please")
                .text("Please restore yesterday's backup of www.northwind.example.");
        greenMail.getUserManager().getUser(SUPPORT).deliver(request.build());

        try (ConfigurableApplicationContext app = StandaloneApp
                .withDatabase("jdbc:h2:mem:poller-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .property("spring.mail.host", "127.0.0.1")
                .property("spring.mail.port", greenMail.getSmtp().getPort())
                .property("promise-desk.mail.inbound.host", "127.0.0.1")
                .property("promise-desk.mail.inbound.port", greenMail.getImap().getPort())
                .property("promise-desk.mail.inbound.username", SUPPORT)
                .property("promise-desk.mail.inbound.password", "support")
                .property("promise-desk.mail.inbound.ssl", false)
                .property("promise-desk.mail.inbound.processed-folder", "Handled")
                .property("promise-desk.mail.inbound.poll-interval", "PT0.2S")
                .start()) {
            assertThat(app.getBeanNamesForType(InboundMailPoller.class)).hasSize(1);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (count(jdbc, request.messageId()) == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(count(jdbc, request.messageId())).isEqualTo(1);
            assertThat(jdbc.sql("SELECT disposition FROM inbound_message WHERE message_id = ?")
                    .param(request.messageId()).query(String.class).single()).isEqualTo("NEW_REQUEST");
            String requestKey = jdbc.sql("SELECT request_key FROM inbound_message WHERE message_id = ?")
                    .param(request.messageId()).query(String.class).single();
            assertThat(app.getBean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey("intake")
                    .processInstanceBusinessKey(requestKey).count()).as("intake opened under %s", requestKey)
                    .isEqualTo(1);
            Thread.sleep(500);
            assertThat(messagesIn("INBOX")).as("moved out of the inbox").isZero();
            assertThat(messagesIn("Handled")).isEqualTo(1);
        }
    }

    private static long count(JdbcClient jdbc, String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM inbound_message WHERE message_id = ?").param(messageId)
                .query(Long.class).single();
    }

    private int messagesIn(String folderName) throws Exception {
        try (Store store = ImapStores.connect(new MailSettings.Imap("127.0.0.1", greenMail.getImap().getPort(),
                SUPPORT, "support", false, folderName))) {
            Folder folder = store.getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            try {
                return folder.getMessageCount();
            } finally {
                folder.close(false);
            }
        }
    }
}
