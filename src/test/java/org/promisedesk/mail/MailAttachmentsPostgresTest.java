package org.promisedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.mail.OutboundMessage.State;
import org.promisedesk.platform.StandaloneApp;
import org.springframework.context.ConfigurableApplicationContext;

import jakarta.mail.internet.MimeMessage;

/**
 * The outbox's attachments on PostgreSQL (the local server, as in platform.PostgresProfileTest):
 * stored as BYTEA, read back in order with their names, and built into the same MIME message.
 */
class MailAttachmentsPostgresTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String database = "promisedesk_mail_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void createDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void shouldKeepAttachmentsExactlyOnPostgres() throws Exception {
        try (ConfigurableApplicationContext app = StandaloneApp.withDatabase(SERVER + database)
                .profiles("postgres,demo").start()) {
            OutboundMessages messages = app.getBean(OutboundMessages.class);
            byte[] pdf = new byte[300_000];
            new Random(42).nextBytes(pdf);
            byte[] csv = "服务,状态\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Instant now = Instant.parse("2026-11-20T01:00:00Z");
            messages.insert(new OutboundMessage("job-1", "REQ-2026-000123", "pi-1", "Task_SendReport",
                    "incident-report", 2, "ops@yunfan.example.cn", "zh-CN", "[REQ-2026-000123] 故障报告",
                    "<pg-1@promisedesk.example>", "正文", "<html><title>故障报告</title></html>", State.SENDING, 1, now,
                    null, List.of(MailAttachment.pdf("故障报告.pdf", pdf),
                            new MailAttachment("services.csv", "text/csv", csv))));

            OutboundMessage kept = messages.find("job-1").orElseThrow();

            assertThat(kept.attachments()).extracting(MailAttachment::fileName)
                    .containsExactly("故障报告.pdf", "services.csv");
            assertThat(kept.attachments().get(0).content()).isEqualTo(pdf);
            assertThat(kept.attachments().get(1).content()).isEqualTo(csv);
            MimeMessage mime = app.getBean(MailTransport.class).build(kept);
            mime.saveChanges();
            assertThat(MailAttachmentsTest.attachments(mime)).extracting(MailAttachmentsTest::fileName)
                    .containsExactly("故障报告.pdf", "services.csv");
            assertThat(MailAttachmentsTest.bytes(MailAttachmentsTest.attachments(mime).get(0))).isEqualTo(pdf);
        }
    }
}
