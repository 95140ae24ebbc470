package org.promisedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.promisedesk.platform.Groups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Poison mail (issue 30, item 1), each delivered over GreenMail's IMAP followed by an ordinary
 * customer e-mail: the poison one ends handled or quarantined as FAILED with a reason and a task
 * for an agent, the poll reads the next mail all the same and opens its request, and no request
 * key is used up by the poison one (the next mail gets the next number).
 */
@EngineTest
class PoisonMailTest {

    private static final String SENDER = "it@northwind.example";

    @Autowired TestMailServer mail;
    @Autowired MailSettings settings;
    @Autowired InboundMail inboundMail;
    @Autowired InboundMessages records;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    SupportMailbox mailbox;
    final List<String> keys = new ArrayList<>();
    final List<String> tasks = new ArrayList<>();

    @BeforeEach
    void setUp() {
        mail.purge();
        mailbox = InboundMailTest.supportMailbox(mail, settings, inboundMail);
    }

    @AfterEach
    void tearDown() {
        keys.forEach(key -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                .forEach(instance -> runtimeService.deleteProcessInstanceIfExists(instance.getId(), "test over", true,
                        true, true, false)));
        tasks.forEach(id -> taskService.deleteTask(id, true));
    }

    @Test
    void shouldReadOnAfterAMessageIdOver998Characters() throws Exception {
        String longId = "<" + "a".repeat(1200) + "@attacker.example>";
        MimeMessage poison = raw("Message-ID: " + longId + "\nFrom: " + SENDER + "\nSubject: A long id\n",
                "Our website is down since this morning.");

        InboundRecord record = poisonThenCustomerMail(poison, Disposition.NEW_REQUEST);

        assertThat(record.messageId()).hasSizeLessThanOrEqualTo(InboundHeaders.MESSAGE_ID_MAX)
                .endsWith("@unusable-message-id>");
        assertThat(record.requestKey()).as("handled: its request is open").isNotNull();
    }

    @Test
    void shouldQuarantineAFromOver255Characters() throws Exception {
        String from = "x".repeat(300) + "@attacker.example";
        MimeMessage poison = raw(id() + "From: " + from + "\nSubject: Long sender\n", "Please call me back.");

        InboundRecord record = poisonThenCustomerMail(poison, Disposition.FAILED);

        assertThat(record.note()).contains("From address of 317 characters, over the limit of 254");
        assertThat(record.from()).hasSizeLessThanOrEqualTo(InboundHeaders.FROM_COLUMN).startsWith("xxxx");
    }

    @Test
    void shouldQuarantineBrokenMime() throws Exception {
        MimeMessage poison = brokenMime();

        InboundRecord record = poisonThenCustomerMail(poison, Disposition.FAILED);

        assertThat(record.note()).contains("Unknown encoding: x-no-such-encoding");
        assertThat(record.subject()).isEqualTo("Broken");
    }

    @Test
    void shouldQuarantineMimeThatMakesTheMailServerDropTheConnection() throws Exception {
        // GreenMail, like some servers, drops the client that asks for the structure of this message
        MimeMessage poison = raw(id() + "From: " + SENDER + "\nSubject: No parts\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"never-comes\"\n", "no parts here at all\n");
        long before = lastKeyNumber();
        deliver(poison);
        MimeMessage customer = customerMail();
        deliver(customer);

        assertThat(mailbox.poll()).as("the customer mail, read in the same poll").isEqualTo(1);
        InboundRecord normal = recordOf(customer);
        keys.add(normal.requestKey());
        assertThat(number(normal.requestKey())).isEqualTo(before + 1);
        intake(normal.requestKey());
        assertThat(records.find(InboundHeaders.messageId(poison))).as("a lost connection: tried again").isEmpty();

        for (int attempt = 2; attempt <= InboundMail.TRANSIENT_ATTEMPTS; attempt++) {
            mailbox.poll();
        }
        InboundRecord record = recordOf(poison);
        tasks.add(record.taskId());
        assertThat(record.disposition()).isEqualTo(Disposition.FAILED);
        assertThat(record.note()).contains("FolderClosedException");
        assertThat(mailbox.poll()).as("its record found, marked at last").isEqualTo(1);
        assertThat(mailbox.poll()).isZero();
    }

    @Test
    void shouldReadAHeaderThatCannotBeDecodedAsItIs() throws Exception {
        MimeMessage poison = raw(id() + "From: =?x-no-such-charset?Q?=FF=FE?= <" + SENDER + ">\n"
                + "Subject: =?utf-8?B?!!!not-base64!!!?= =?x-no-such-charset?Q?=FF?=\n",
                "Our website is down since this morning.");

        InboundRecord record = poisonThenCustomerMail(poison, Disposition.NEW_REQUEST);

        assertThat(record.from()).isEqualTo(SENDER);
        assertThat(record.subject()).contains("not-base64");
    }

    @Test
    void shouldRejectAHugePartUnreadAndTellAnAgent() throws Exception {
        MimeMessage poison = InboundTestMail.from(SENDER).subject("The disk image").text("See attached.")
                .attachment("disk.img.pdf", new byte[2 * 1024 * 1024]).build();

        InboundRecord record = poisonThenCustomerMail(poison, Disposition.OVERSIZED_REJECTED);

        assertThat(record.note()).contains("over the limit");
    }

    @Test
    void shouldQuarantineAMessageWithoutFrom() throws Exception {
        MimeMessage poison = raw(id() + "Subject: Who am I\n", "Nobody sent this.");

        InboundRecord record = poisonThenCustomerMail(poison, Disposition.FAILED);

        assertThat(record.note()).isEqualTo("no From address");
        assertThat(record.from()).isNull();
        assertThat(taskService.createTaskQuery().taskId(record.taskId()).singleResult().getDescription())
                .startsWith("From: (none)\nSubject: Who am I\n").contains("Reason: no From address");
    }

    @Test
    void shouldDropANulInTheSubjectAndOpenTheRequest() throws Exception {
        MimeMessage poison = InboundTestMail.from(SENDER).subject("Site down\u0000 again\u0007")
                .text("Our\u0000 website is down since this morning.").build();

        InboundRecord record = poisonThenCustomerMail(poison, Disposition.NEW_REQUEST);

        assertThat(record.subject()).isEqualTo("Site down again");
        assertThat(record.rawText()).doesNotContain("\u0000").contains("website is down");
        assertThat(runtimeService.getVariable(intake(record.requestKey()), "subject")).isEqualTo("Site down again");
    }

    @Test
    void shouldRecordEveryPoisonMailOfOnePollAndOpenTheCustomerMailAfterThem() throws Exception {
        List<MimeMessage> poison = List.of(
                raw("Message-ID: <" + "b".repeat(2000) + "@attacker.example>\nFrom: " + SENDER + "\nSubject: x\n", "?"),
                raw(id() + "From: " + "y".repeat(400) + "@attacker.example\nSubject: y\n", "?"),
                raw(id() + "Subject: none\n", "?"),
                brokenMime());
        for (MimeMessage message : poison) {
            deliver(message);
        }
        long before = lastKeyNumber();
        MimeMessage customer = customerMail();
        deliver(customer);

        assertThat(mailbox.poll()).as("every message recorded and marked").isEqualTo(5);

        long opened = poison.stream().map(this::recordOf).filter(r -> r.requestKey() != null).count();
        InboundRecord normal = recordOf(customer);
        keys.add(normal.requestKey());
        assertThat(normal.disposition()).isEqualTo(Disposition.NEW_REQUEST);
        assertThat(number(normal.requestKey())).as("no key used up").isEqualTo(before + opened + 1);
        assertThat(poison.stream().map(this::recordOf).map(InboundRecord::disposition)).doesNotContainNull();
        assertThat(mailbox.poll()).as("nothing left unread").isZero();
    }

    @Test
    void shouldLeaveMailUnreadWhileItCannotBeRecordedAndBurnNoKeyOnTheRolledBackOpening() throws Exception {
        long before = lastKeyNumber();
        MimeMessage customer = customerMail();
        deliver(customer);
        // as if the database refused every new record: the request opens, its record fails, and so does FAILED
        long lastId = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM inbound_message").query(Long.class).single();
        jdbc.sql("ALTER TABLE inbound_message ADD CONSTRAINT inbound_message_away CHECK (id <= " + lastId + ")")
                .update();
        int handled;
        try {
            handled = mailbox.poll();
        } finally {
            jdbc.sql("ALTER TABLE inbound_message DROP CONSTRAINT inbound_message_away").update();
        }

        assertThat(handled).as("not recorded, so not marked: the poll ends normally").isZero();
        assertThat(records.find(customer.getMessageID())).isEmpty();
        assertThat(lastKeyNumber()).as("the opening rolled back with its key").isEqualTo(before);
        assertThat(mailbox.poll()).as("read again once it can be recorded").isEqualTo(1);
        InboundRecord record = recordOf(customer);
        keys.add(record.requestKey());
        assertThat(record.disposition()).isEqualTo(Disposition.NEW_REQUEST);
        assertThat(number(record.requestKey())).isEqualTo(before + 1);
        intake(record.requestKey());
    }

    // helpers

    /**
     * Delivers the poison message and an ordinary customer mail, polls once; checks the customer
     * mail opened the next request key and the poison one was recorded as expected (a FAILED one
     * with a reason and a task for agents). Returns the poison record.
     */
    private InboundRecord poisonThenCustomerMail(MimeMessage poison, Disposition expected) throws Exception {
        long before = lastKeyNumber();
        deliver(poison);
        MimeMessage customer = customerMail();
        deliver(customer);

        assertThat(mailbox.poll()).as("both recorded and marked").isEqualTo(2);

        InboundRecord record = recordOf(poison);
        if (record.taskId() != null) {
            tasks.add(record.taskId());
        }
        if (record.requestKey() != null) {
            keys.add(record.requestKey());
        }
        assertThat(record.disposition()).isEqualTo(expected);
        if (expected == Disposition.FAILED || expected == Disposition.OVERSIZED_REJECTED) {
            assertThat(record.note()).as("the reason").isNotBlank();
            Task task = taskService.createTaskQuery().taskId(record.taskId()).singleResult();
            assertThat(task.getName()).isNotBlank();
            assertThat(task.getDescription()).doesNotContain("\u0000");
            assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
                    .contains(Groups.AGENTS);
        }
        InboundRecord normal = recordOf(customer);
        keys.add(normal.requestKey());
        assertThat(normal.disposition()).isEqualTo(Disposition.NEW_REQUEST);
        long expectedNumber = before + (record.requestKey() != null ? 2 : 1);
        assertThat(number(normal.requestKey())).as("the next key: none used up by the poison mail")
                .isEqualTo(expectedNumber);
        intake(normal.requestKey());
        assertThat(mailbox.poll()).as("nothing left unread").isZero();
        return record;
    }

    private MimeMessage customerMail() throws MessagingException {
        return InboundTestMail.from("someone@new-customer.example").subject("Price for a cloud VM?")
                .text("How much is a VM with 8 GB of memory?").build();
    }

    /** A part in a transfer encoding nobody knows. */
    private static MimeMessage brokenMime() throws MessagingException {
        return raw(id() + "From: " + SENDER + "\nSubject: Broken\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\n",
                "--b1\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: x-no-such-encoding\n\n"
                        + "Hello\n--b1--\n");
    }

    private static MimeMessage raw(String headers, String body) throws MessagingException {
        String text = (headers.strip() + "\n\n" + body).replace("\n", "\r\n");
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static String id() {
        return "Message-ID: <" + java.util.UUID.randomUUID() + "@poison.example>\n";
    }

    private void deliver(MimeMessage message) {
        mail.greenMail().getUserManager().getUser(TestMailServer.SUPPORT).deliver(message);
    }

    private InboundRecord recordOf(MimeMessage message) {
        try {
            return records.find(InboundHeaders.messageId(message)).orElseThrow();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The intake instance of the key (fails when there is none: the key was not used up for nothing). */
    private String intake(String key) {
        List<org.camunda.bpm.engine.runtime.ProcessInstance> instances = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("intake").processInstanceBusinessKey(key).list();
        assertThat(instances).as("intake under %s", key).hasSize(1);
        return instances.get(0).getId();
    }

    private long lastKeyNumber() {
        int year = java.time.Year.from(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
                .atZone(java.time.ZoneId.of("Asia/Shanghai"))).getValue();
        return jdbc.sql("SELECT COALESCE(MAX(last_number), 0) FROM request_key_counter WHERE key_year = ?")
                .param(year).query(Long.class).single();
    }

    private static long number(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
    }
}
