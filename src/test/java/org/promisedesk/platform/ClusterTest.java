package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.intake.IntakeProcess;
import org.promisedesk.promise.PromiseProcess;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Two nodes on one PostgreSQL database, both running the job executor: node A in this JVM
 * ({@link StandaloneApp}), node B in a JVM of its own so that it can be killed hard. A load of
 * customer requests is opened over both nodes' HTTP ports, a quarter as many services come up for
 * renewal (node B's scan starts their renewals), and while it runs: the SMTP server is down for a
 * while (and throughout, every n-th message's answer from the server is lost), the database cuts
 * every connection of both nodes twice, timers are forced due (job due dates, not the clock: the
 * nodes share no clock variable) and fire on either node — every first-response SLA timer, every
 * renewal's first reminder, and the reminder of the promise made on every fourth request — and
 * node B is killed in the middle of the work. Afterwards every request, promise and renewal has
 * ended (requests classified as chit-chat and replied, promises kept, renewals paid over the
 * payment API), every forced timer fired once, every recorded e-mail arrived exactly once.
 * The figures are printed ({@code ClusterTest: ...}) and written down in docs/reliability.md.
 * <p>
 * The default is the full load, 2,000 requests (about 7 minutes on a 2-core machine);
 * {@code -Dcluster.requests=200} is a quicker run with the same faults.
 * {@code -Dcluster.mail-outage-seconds} (60).
 */
class ClusterTest {

    private static final String SERVER = System.getProperty("cluster.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    /**
     * The shell command that restarts that PostgreSQL server: {@code CLUSTER_POSTGRES_RESTART} when
     * set ({@code none} for no restart, e.g. while others use the server), else Debian's
     * {@code pg_ctlcluster} for a server on this machine when the test runs as root. Without one
     * the first database fault is a second cut of every connection, and the test says why.
     */
    private static final String RESTART_COMMAND = PostgresRestart.command(SERVER);
    private static final String ARCHIVE = "archive@promisedesk.example";
    private static final int REQUESTS = Integer.getInteger("cluster.requests", 2000);
    private static final int MAIL_OUTAGE_SECONDS = Integer.getInteger("cluster.mail-outage-seconds", 60);
    private static final int LOSE_EVERY_NTH_ANSWER = 25;
    private static final int LOCK_TIME_MILLIS = 20_000;
    private static final int CLIENTS = 4;
    /** Every fourth request gets a promise from the agent who classifies it; as many services renew. */
    private static final int PROMISES = (REQUESTS + 3) / 4;
    private static final int RENEWALS = REQUESTS / 4;
    private static final ZoneId RENEWAL_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Path NODE_B_LOG = Path.of("target", "cluster-node-b.log");

    private final String database = "promisedesk_cluster_" + UUID.randomUUID().toString().replace("-", "");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> serviceIds = new ArrayList<>();
    private final List<String> renewalKeys = new ArrayList<>();
    private final List<String> forcedTimers = new ArrayList<>();
    private LocalDate expiry;
    private final AtomicInteger answered5xx = new AtomicInteger();
    private final AtomicInteger connectionFailures = new AtomicInteger();
    private final AtomicInteger terminated = new AtomicInteger();
    private final AtomicBoolean nodeBAlive = new AtomicBoolean(true);
    private final AtomicBoolean restarted = new AtomicBoolean();

    private GreenMail greenMail;
    private ClusterSmtpSwitch smtp;
    private ConfigurableApplicationContext nodeA;
    private volatile ClusterNodeProcess nodeB;
    private List<String> nodeBProperties;
    private int portA;
    private ProcessEngine engineA;

    @BeforeEach
    void startTwoNodes() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        greenMail.setUser(ARCHIVE, ARCHIVE, "archive");
        smtp = new ClusterSmtpSwitch(greenMail.getSmtp().getPort());

        long started = System.nanoTime();
        StandaloneApp a = StandaloneApp.withDatabase(SERVER + database).profiles("postgres,demo").jobExecution(true);
        a.property("camunda.bpm.generic-properties.properties.hostname", "node-a");
        nodeProperties().forEach(property -> {
            int eq = property.indexOf('=');
            a.property(property.substring(0, eq), property.substring(eq + 1));
        });
        nodeA = a.start();
        portA = Integer.parseInt(nodeA.getEnvironment().getProperty("local.server.port"));
        engineA = nodeA.getBean(ProcessEngine.class);
        nodeBProperties = new ArrayList<>(nodeProperties());
        nodeBProperties.add("spring.profiles.active=postgres,demo");
        nodeBProperties.add("spring.datasource.url=" + SERVER + database);
        nodeBProperties.add("camunda.bpm.job-execution.enabled=true");
        nodeBProperties.add("camunda.bpm.generic-properties.properties.hostname=node-b");
        nodeB = ClusterNodeProcess.start("default", freePort(), nodeBProperties, NODE_B_LOG);
        nodeB.awaitStarted(Duration.ofMinutes(4));
        System.out.printf("ClusterTest: two nodes up in %d s (A in this JVM on port %d, B pid %d on port %d)%n",
                seconds(started), portA, nodeB.pid(), nodeB.port());
    }

    /** The same deployment on both nodes: database, mail, archive, retries and job executor settings. */
    private List<String> nodeProperties() {
        return List.of(
                "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + smtp.port(),
                "promise-desk.mail.archive.address=" + ARCHIVE,
                "promise-desk.mail.archive.imap.host=127.0.0.1",
                "promise-desk.mail.archive.imap.port=" + greenMail.getImap().getPort(),
                "promise-desk.mail.archive.imap.username=" + ARCHIVE,
                "promise-desk.mail.archive.imap.password=archive",
                "promise-desk.mail.archive.imap.ssl=false",
                "promise-desk.mail.retry-time-cycle=PT5S,PT5S,PT10S,PT10S,PT20S,PT30S,PT30S,PT30S",
                // A mail job holds two connections (the job's and the outbox record's own transaction):
                // the pool must be larger than twice the job threads plus the web requests.
                "spring.datasource.hikari.maximum-pool-size=20",
                "camunda.bpm.job-execution.core-pool-size=3",
                "camunda.bpm.job-execution.max-pool-size=4",
                "camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
                "camunda.bpm.job-execution.wait-time-in-millis=500",
                "camunda.bpm.job-execution.max-wait=2000");
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (smtp != null) {
            smtp.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void shouldEndEveryRequestOnceThroughAMailOutageDatabaseCutsAndANodeKilled() throws Exception {
        long loadStarted = System.nanoTime();
        long before = count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'intake'");
        smtp.loseEveryNth(LOSE_EVERY_NTH_ANSWER);
        ScheduledFaults faults = new ScheduledFaults();

        // 0. Services that expire in ten days; node B's scan starts their renewals (first reminder in three days).
        startRenewals();

        // 1. Open the requests over both nodes; at a third the SMTP server goes down, at two thirds
        //    the database cuts every connection.
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        AtomicInteger opened = new AtomicInteger();
        List<Future<?>> openings = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int n = i;
            openings.add(clients.submit(() -> {
                keys.add(open(n));
                int done = opened.incrementAndGet();
                if (done == REQUESTS / 3) {
                    faults.mailOutage();
                }
                if (done == REQUESTS * 45 / 100) {
                    faults.killNodeBAndStartItAgain();
                }
                if (done == 2 * REQUESTS / 3) {
                    restartDatabase();
                }
                return null;
            }));
        }
        awaitAll(openings);
        long openSeconds = seconds(loadStarted);
        System.out.printf("ClusterTest: %d requests opened over 2 nodes in %d s (%.1f/s), %d answers 5xx and"
                + " %d connection failures sent again with their Idempotency-Key%n", keys.size(), openSeconds,
                keys.size() / Math.max(1.0, openSeconds), answered5xx.get(), connectionFailures.get());
        assertThat(keys).hasSize(REQUESTS).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'intake'") - before)
                .as("no request started twice or half-started by a retried call").isEqualTo(REQUESTS);

        // 2. Force every first-response timer and every renewal's first reminder due; both job
        //    executors fire them; a second cut meanwhile.
        int slaTimers = forceDue("intake", "Event_FirstResponseDue", keys);
        int renewalReminders = forceDue("service-renewal", "Event_ReminderDue", renewalKeys);
        assertThat(slaTimers).isEqualTo(REQUESTS);
        assertThat(renewalReminders).isEqualTo(RENEWALS);
        Thread.sleep(1000);
        terminateConnections();
        awaitUntil("all first-response timers fired", scaled(3),
                () -> activityCount("Task_ReviewBreach", keys) == REQUESTS);
        awaitUntil("every renewal's first reminder fired", scaled(3),
                () -> activityCount("Task_SendReminder", renewalKeys) == RENEWALS);

        // 3. Everything acknowledged (through the outage): every request waits to be classified.
        awaitUntil("every request acknowledged and waiting for classification", scaled(4), () -> count(
                "SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e ON t.proc_inst_id_ = e.id_"
                + " WHERE t.task_def_key_ = 'Task_ClassifyRequest' AND e.business_key_ = ANY(?)", keys) == REQUESTS);
        faults.awaitMailBack();
        faults.awaitNodeBBack();

        // 4. Both nodes see the same state: Tasklist's task count and the request API.
        long tasksOnA = taskCount(portA);
        long tasksOnB = taskCount(nodeB.port());
        assertThat(tasksOnA).isEqualTo(tasksOnB).isGreaterThanOrEqualTo(REQUESTS);
        for (String key : keys.subList(0, 10)) {
            assertThat(get(portA, "/api/requests/" + key, "agent")).isEqualTo(get(nodeB.port(), "/api/requests/" + key,
                    "agent"));
        }
        System.out.printf("ClusterTest: both nodes see the same %d classification tasks in Tasklist's count and"
                + " the same request views%n", tasksOnA);

        // 5. Classify every request over both nodes (every fourth with a promise to the customer), then
        //    force the promises' reminders due.
        long workStarted = System.nanoTime();
        List<Future<?>> classifications = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String key = keys.get(i);
            int n = i;
            classifications.add(clients.submit(() -> {
                classify(key, n);
                return null;
            }));
        }
        awaitAll(classifications);
        int promiseReminders = forceDue("promise", "Event_ReminderDue", keys);
        assertThat(promiseReminders).isEqualTo(PROMISES);
        awaitUntil("every promise's reminder fired", scaled(3),
                () -> activityCount("Task_RemindOwner", keys) == PROMISES);

        // 6. Work the rest to the end over both nodes: reply, review the breach, keep the promise, pay
        //    the renewal. Halfway node B is killed (kill -9), the load balancer sends the rest to A, and
        //    A takes over B's locked jobs after the lock time.
        AtomicInteger worked = new AtomicInteger();
        int[] lockedByB = new int[1];
        int[] sendingAtKill = new int[1];
        String lockOwnerA = ((ProcessEngineConfigurationImpl) engineA.getProcessEngineConfiguration()).getJobExecutor()
                .getLockOwner();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String key = keys.get(i);
            int n = i;
            work.add(clients.submit(() -> {
                completeRequest(key, n);
                if (worked.incrementAndGet() == REQUESTS / 2) {
                    synchronized (nodeBAlive) {
                        nodeBAlive.set(false);
                        lockedByB[0] = (int) count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL"
                                + " AND lock_owner_ <> ? AND lock_exp_time_ > now()", lockOwnerA);
                        nodeB.kill();
                        sendingAtKill[0] = (int) count("SELECT count(*) FROM customer_message WHERE state = 'SENDING'");
                    }
                    System.out.printf("ClusterTest: node B killed (kill -9) after %d of %d requests were worked;"
                            + " it held %d locked jobs, %d messages were in the middle of sending%n", REQUESTS / 2,
                            REQUESTS, lockedByB[0], sendingAtKill[0]);
                }
                return null;
            }));
        }
        awaitAll(work);
        clients.shutdown();
        List<String> everything = new ArrayList<>(keys);
        everything.addAll(renewalKeys);
        long instances = REQUESTS + PROMISES + RENEWALS;
        awaitUntil("every request, promise and renewal ended", scaled(3), () -> count("SELECT count(*) FROM"
                + " act_hi_procinst WHERE business_key_ = ANY(?) AND end_time_ IS NOT NULL", everything) == instances);
        // A step queues its e-mail and goes on (docs/messaging.md): the outbox may still hold the
        // messages of the outage, of lost server answers and of those node B held when it was killed.
        long drainStarted = System.nanoTime();
        System.out.printf("ClusterTest: when every instance had ended, the outbox held %d unsent e-mails%n",
                count("SELECT count(*) FROM customer_message WHERE state <> 'SENT'"));
        awaitUntil("every queued e-mail sent", scaled(3),
                () -> count("SELECT count(*) FROM customer_message WHERE state <> 'SENT'") == 0);
        System.out.printf("ClusterTest: outbox empty %d s later%n", seconds(drainStarted));
        long totalSeconds = seconds(loadStarted);

        // 7. Count: ended, timers, steps, jobs, incidents, messages.
        assertThat(count("SELECT count(*) FROM act_hi_procinst WHERE business_key_ = ANY(?) AND state_ = 'COMPLETED'",
                everything)).as("ended normally").isEqualTo(instances);
        assertThat(count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'promise'"
                + " AND business_key_ = ANY(?)", keys)).as("promises").isEqualTo(PROMISES);
        Map<String, Long> activities = activityCounts(everything);
        assertThat(activities).containsEntry("Task_ReviewBreach", (long) REQUESTS)
                .containsEntry("Task_Acknowledge", (long) REQUESTS)
                .containsEntry("Task_SendAnswer", (long) REQUESTS)
                .containsEntry("Event_ClosedWithoutSurvey", (long) REQUESTS)
                .containsEntry("Task_RemindOwner", (long) PROMISES)
                .containsEntry("Task_TellCustomerOutcome", (long) PROMISES)
                .containsEntry("Task_SendReminder", (long) RENEWALS)
                .containsEntry("Task_ConfirmPayment", (long) RENEWALS)
                .doesNotContainKey("Event_ResolutionDue");
        long firedOnce = count("SELECT count(*) FROM (SELECT job_id_ FROM act_hi_job_log WHERE job_id_ = ANY(?)"
                + " AND job_state_ = 2 GROUP BY job_id_ HAVING count(*) = 1) t", forcedTimers);
        assertThat(firedOnce).as("forced timers that fired exactly once").isEqualTo(forcedTimers.size());
        long firedOnA = count("SELECT count(*) FROM act_hi_job_log WHERE job_id_ = ANY(?) AND job_state_ = 2"
                + " AND hostname_ = 'node-a'", forcedTimers);
        long firedOnB = count("SELECT count(*) FROM act_hi_job_log WHERE job_id_ = ANY(?) AND job_state_ = 2"
                + " AND hostname_ = 'node-b'", forcedTimers);
        assertThat(firedOnA + firedOnB).isEqualTo(forcedTimers.size());
        assertThat(firedOnA).as("timers fired on node A").isPositive();
        assertThat(firedOnB).as("timers fired on node B").isPositive();
        long twice = count("SELECT count(*) FROM (SELECT a.proc_inst_id_, a.act_id_ FROM act_hi_actinst a"
                + " JOIN act_hi_procinst p ON a.proc_inst_id_ = p.id_ WHERE p.business_key_ = ANY(?)"
                + " AND a.act_type_ NOT IN ('multiInstanceBody', 'intermediateTimer', 'subProcess', 'startEvent',"
                + " 'noneEndEvent')"
                + " GROUP BY a.proc_inst_id_, a.act_id_ HAVING count(*) > 1) t", everything);
        assertThat(twice).as("a step of one instance run twice").isZero();
        assertThat(count("SELECT count(*) FROM act_ru_job j JOIN act_hi_procinst p ON j.process_instance_id_ = p.id_"
                + " WHERE p.business_key_ = ANY(?)", everything)).as("jobs left").isZero();
        long incidents = count("SELECT count(*) FROM act_hi_incident i JOIN act_hi_procinst p"
                + " ON i.proc_inst_id_ = p.id_ WHERE p.business_key_ = ANY(?)", everything);
        assertThat(incidents).as("incidents, ever").isZero();
        long failedAttempts = count("SELECT count(*) FROM act_hi_job_log l JOIN act_hi_procinst p"
                + " ON l.process_instance_id_ = p.id_ WHERE p.business_key_ = ANY(?) AND l.job_state_ = 1", everything);

        // Every message in the outbox of these instances was sent, and arrived exactly once.
        long expectedMails = 2L * REQUESTS + PROMISES + 2L * RENEWALS;
        List<String> recorded = strings("SELECT m.message_id FROM customer_message m JOIN act_hi_procinst p"
                + " ON m.process_instance_id = p.id_ WHERE p.business_key_ = ANY(?)", everything);
        assertThat(recorded).as("messages recorded").hasSize((int) expectedMails).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) FROM customer_message m JOIN act_hi_procinst p"
                + " ON m.process_instance_id = p.id_ WHERE p.business_key_ = ANY(?) AND m.state <> 'SENT'", everything))
                .as("messages not marked sent").isZero();
        List<String> everyRecorded = strings("SELECT message_id FROM customer_message");
        Map<String, Long> arrived = greenMail.findReceivedMessages(user -> !user.getEmail().equalsIgnoreCase(ARCHIVE),
                message -> true).map(ClusterTest::messageId)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        long delivered = recorded.stream().filter(arrived::containsKey).count();
        long lost = recorded.size() - delivered;
        long duplicated = arrived.values().stream().mapToLong(n -> n - 1).sum()
                + arrived.keySet().stream().filter(id -> !everyRecorded.contains(id)).count();
        System.out.printf("ClusterTest: %d requests, %d promises and %d renewals ended in %d s of load (work phase"
                + " %d s); timers forced due %d (first-response %d, promise reminders %d, renewal reminders %d), each"
                + " fired once: %d (on node A %d, on node B %d); e-mails at GreenMail %d for %d expected, lost %d, duplicates %d; SMTP connections"
                + " refused during the %d s outage %d, server answers lost %d; PostgreSQL restarted %s; database"
                + " connections terminated %d;"
                + " failed job attempts retried %d; incidents %d; steps run twice %d%n", REQUESTS, PROMISES, RENEWALS,
                totalSeconds, seconds(workStarted), forcedTimers.size(), slaTimers, promiseReminders,
                renewalReminders, firedOnce, firedOnA, firedOnB, delivered, expectedMails, lost, duplicated, MAIL_OUTAGE_SECONDS,
                smtp.refused.get(), smtp.answersLost.get(), restarted.get() ? "once" : "no (connections cut instead)",
                terminated.get(), failedAttempts, incidents, twice);
        assertThat(lost).as("messages recorded but not received").isZero();
        assertThat(duplicated).as("e-mails received twice, or without a record").isZero();
        assertThat(smtp.refused.get()).as("the outage happened").isPositive();
        assertThat(terminated.get()).as("the database cuts happened").isPositive();
    }

    /**
     * Services of the demo customer that expire in ten days (their first reminder is due in three),
     * and the renewal scan started over node B's engine REST API, as an operator would start it.
     */
    private void startRenewals() throws Exception {
        expiry = LocalDate.now(RENEWAL_ZONE).plusDays(10);
        try (Connection db = connect(); PreparedStatement insert = db.prepareStatement("INSERT INTO subscription"
                + " (id, customer_id, type, domain, plan, monthly_price, start_date, expiry_date, state)"
                + " VALUES (?, 1, 'VIRTUAL_HOST', ?, 'Cluster test hosting', 10.00, ?, ?, 'ACTIVE')")) {
            for (int i = 0; i < RENEWALS; i++) {
                long id = 100_000L + i;
                insert.setLong(1, id);
                insert.setString(2, "cluster-" + i + ".northwind.example");
                insert.setObject(3, expiry.minusYears(1));
                insert.setObject(4, expiry);
                insert.addBatch();
                serviceIds.add(id);
                renewalKeys.add("SVC-" + id + "-" + expiry);
            }
            insert.executeBatch();
        }
        HttpResponse<String> scan = http.send(HttpRequest.newBuilder(url(nodeB.port(), engineRest(nodeB.port())
                + "/process-definition/key/renewal-scan/start")).header("Authorization", basic("demo"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scan.statusCode()).as("renewal scan: " + scan.body()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'service-renewal'"
                + " AND business_key_ = ANY(?)", renewalKeys)).as("renewals started by the scan").isEqualTo(RENEWALS);
        System.out.printf("ClusterTest: %d services expire on %s; the scan on node B started their renewals%n",
                RENEWALS, expiry);
    }

    /** Sets the due date of the process's timers at that event to now; remembers them, returns how many. */
    private int forceDue(String processKey, String eventId, List<String> businessKeys) throws Exception {
        List<String> instanceIds = strings("SELECT id_ FROM act_hi_procinst WHERE proc_def_key_ = '" + processKey
                + "' AND business_key_ = ANY(?)", businessKeys);
        List<Job> timers = retrying(() -> engineA.getManagementService().createJobQuery().timers()
                .processDefinitionKey(processKey).activityId(eventId).list());
        Date now = new Date();
        int forced = 0;
        for (Job timer : timers) {
            if (instanceIds.contains(timer.getProcessInstanceId())) {
                retrying(() -> {
                    engineA.getManagementService().setJobDuedate(timer.getId(), now);
                    return null;
                });
                forcedTimers.add(timer.getId());
                forced++;
            }
        }
        return forced;
    }

    private long activityCount(String activityId, List<String> businessKeys) {
        return count("SELECT count(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON a.proc_inst_id_ = p.id_"
                + " WHERE a.act_id_ = ? AND p.business_key_ = ANY(?)", activityId,
                businessKeys);
    }

    private static void awaitAll(List<Future<?>> futures) throws Exception {
        for (Future<?> future : futures) {
            future.get(5, TimeUnit.MINUTES);
        }
    }

    /** The mail outage: down now, back after the configured seconds. */
    private final class ScheduledFaults {
        private Thread restore;

        synchronized void mailOutage() {
            smtp.down(true);
            System.out.printf("ClusterTest: SMTP server down for %d s%n", MAIL_OUTAGE_SECONDS);
            restore = new Thread(() -> {
                try {
                    Thread.sleep(MAIL_OUTAGE_SECONDS * 1000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                smtp.down(false);
                System.out.println("ClusterTest: SMTP server back");
            });
            restore.start();
        }

        private Thread nodeBRestart;

        /**
         * Node B killed (kill -9) while requests are being opened: its callers send the same call
         * with the same Idempotency-Key to node A; node B is started again on the same port and the
         * load balancer sends it calls again once it answers.
         */
        synchronized void killNodeBAndStartItAgain() throws InterruptedException {
            int port = nodeB.port();
            synchronized (nodeBAlive) {
                nodeBAlive.set(false);
                nodeB.kill();
            }
            System.out.printf("ClusterTest: node B killed (kill -9) while requests were being opened, after %d%n",
                    keys.size());
            nodeBRestart = new Thread(() -> {
                // As a supervisor would: a start that meets the database restart or cut ends the
                // JVM (the start-up's own work fails), and the node is started once more.
                for (int attempt = 1; attempt <= 3; attempt++) {
                    try {
                        nodeB = ClusterNodeProcess.start("default", port, nodeBProperties, NODE_B_LOG);
                        nodeB.awaitStarted(Duration.ofMinutes(4));
                        nodeBAlive.set(true);
                        System.out.printf("ClusterTest: node B started again (start %d)%n", attempt);
                        return;
                    } catch (ClusterNodeProcess.Exited e) {
                        System.out.printf("ClusterTest: node B ended during its start %d (%s); starting it again%n",
                                attempt, e.getMessage());
                    } catch (Exception e) {
                        throw new IllegalStateException("node B did not start again", e);
                    }
                }
            });
            nodeBRestart.start();
        }

        void awaitNodeBBack() throws InterruptedException {
            Thread thread;
            synchronized (this) {
                thread = nodeBRestart;
            }
            if (thread != null) {
                thread.join();
            }
            assertThat(nodeBAlive.get()).as("node B started again after its kill").isTrue();
        }

        void awaitMailBack() throws InterruptedException {
            Thread thread;
            synchronized (this) {
                thread = restore;
            }
            if (thread != null) {
                thread.join();
            }
        }
    }

    /**
     * Opens request n with an Idempotency-Key, as a client that cannot tell whether a call that
     * failed on the wire went through: it sends the same call again (to the other node while B lives)
     * and gets the request it opened, or a new one if it had not.
     */
    private String open(int n) throws Exception {
        String body = "{\"customerId\":1,\"channel\":\"api\",\"subject\":\"Cluster load " + n
                + "\",\"body\":\"Just saying hello from the cluster test, number " + n + ".\"}";
        String created = send(n, "POST /api/requests", port -> postBuilder(port, "/api/requests", "agent", body)
                .header("Idempotency-Key", "cluster-" + n).build(), Set.of(200, 201), IOException.class, () -> false);
        Matcher key = Pattern.compile("REQ-\\d{4}-\\d{6}").matcher(created);
        assertThat(key.find()).isTrue();
        return key.group();
    }

    /** Chit-chat; every fourth with a promise the classifying agent makes ("we will send ... by ..."). */
    private void classify(String key, int n) throws Exception {
        String promise = n % 4 != 0 ? "" : ",\"agentPromiseText\":{\"value\":\"We will send you the cluster test"
                + " report.\"},\"agentPromiseDue\":{\"value\":\"" + LocalDate.now(RENEWAL_ZONE).plusDays(20)
                + "T10:00\"}";
        complete(key, IntakeProcess.TASK_CLASSIFY_REQUEST, "agent", n,
                "{\"requestClass\":{\"value\":\"chit-chat\"}" + promise + "}");
    }

    /** An agent replies, a lead reviews the missed first response; the promise kept, the renewal paid. */
    private void completeRequest(String key, int n) throws Exception {
        complete(key, IntakeProcess.TASK_REPLY, "agent", n, "{\"workOutcome\":{\"value\":\"answered\"},"
                + "\"answerText\":{\"value\":\"Hello to you too, and thank you for writing.\"}}");
        complete(key, IntakeProcess.TASK_REVIEW_BREACH, "lead", n,
                "{\"breachAction\":{\"value\":\"Load test: nothing to do.\"}}");
        if (n % 4 == 0) {
            complete(key, PromiseProcess.TASK_KEEP_PROMISE, "agent", n, "{\"outcome\":{\"value\":\"kept\"},"
                    + "\"resultText\":{\"value\":\"The cluster test report is attached to this ticket.\"}}");
        }
        if (n < RENEWALS) {
            pay(serviceIds.get(n), n);
        }
    }

    /**
     * The payment API; sent again after any failure on the wire, since a second call with the same date
     * is answered 200 "already recorded" and changes nothing.
     */
    private void pay(long serviceId, int n) throws Exception {
        String body = "{\"paidUntil\":\"" + expiry.plusYears(1) + "\",\"reference\":\"Cluster " + n + "\"}";
        send(n, "payment of service " + serviceId, port -> post(port, "/api/services/" + serviceId + "/renewals", "agent",
                body), Set.of(200, 201), IOException.class, () -> false);
    }

    /** Completes the request's task; a call that failed on the wire may have gone through: then it is gone. */
    private void complete(String key, String taskKey, String user, int n, String variables) throws Exception {
        List<Task> tasks = openTasks(key, taskKey);
        assertThat(tasks).as(key + " " + taskKey).hasSize(1);
        String path = "/task/" + tasks.get(0).getId() + "/complete";
        send(n, taskKey + " of " + key, port -> post(port, engineRest(port) + path, user,
                "{\"variables\":" + variables + "}"), Set.of(204), IOException.class,
                () -> openTasks(key, taskKey).isEmpty());
    }

    private List<Task> openTasks(String key, String taskKey) {
        try {
            return retrying(() -> engineA.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
                    .taskDefinitionKey(taskKey).list());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a call through the load balancer and returns the answer's body. After a 5xx (nothing
     * was changed) or a failure on the wire of a kind that is safe to repeat, it goes again (to
     * the other node while B lives), unless it is found done meanwhile; at most ten times.
     */
    private String send(int n, String what, IntFunction<HttpRequest> request, Set<Integer> expected,
            Class<? extends IOException> safeToRepeat, BooleanSupplier doneMeanwhile) throws Exception {
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0 && doneMeanwhile.getAsBoolean()) {
                return "";
            }
            try {
                HttpResponse<String> response = http.send(request.apply(portFor(n + attempt)),
                        HttpResponse.BodyHandlers.ofString());
                if (expected.contains(response.statusCode())) {
                    return response.body();
                }
                if (response.statusCode() < 500 || attempt >= 10) {
                    throw new AssertionError(what + ": " + response.statusCode() + " " + response.body());
                }
                answered5xx.incrementAndGet();
            } catch (IOException e) {
                if (!safeToRepeat.isInstance(e) || attempt >= 10) {
                    throw e;
                }
                connectionFailures.incrementAndGet();
            }
            Thread.sleep(500);
        }
    }

    private HttpRequest post(int port, String path, String user, String body) {
        return postBuilder(port, path, user, body).build();
    }

    private HttpRequest.Builder postBuilder(int port, String path, String user, String body) {
        return HttpRequest.newBuilder(url(port, path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** The load balancer: alternate, only node A once B is dead. */
    private int portFor(int n) {
        return nodeBAlive.get() && n % 2 == 1 ? nodeB.port() : portA;
    }

    private long taskCount(int port) throws Exception {
        return Long.parseLong(get(port, engineRest(port) + "/task/count?processDefinitionKey=intake&taskDefinitionKey="
                + IntakeProcess.TASK_CLASSIFY_REQUEST, "demo").replaceAll("\\D", ""));
    }

    /** The engine REST API of the node's engine (node A's engine has a name of its own in this JVM). */
    private String engineRest(int port) {
        return "/engine-rest/engine/" + (port == portA ? engineA.getName() : "default");
    }

    private String get(int port, String path, String user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(port, path))
                .header("Authorization", basic(user)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** The first database fault: the server restarted when the command is given, otherwise a cut. */
    private void restartDatabase() throws Exception {
        if (RESTART_COMMAND == null) {
            System.out.printf("ClusterTest: PostgreSQL NOT restarted (%s); every connection cut instead%n",
                    PostgresRestart.whyNot(SERVER));
            terminateConnections();
            return;
        }
        long started = System.nanoTime();
        Process restart = new ProcessBuilder("bash", "-c", RESTART_COMMAND).redirectErrorStream(true).start();
        String output = new String(restart.getInputStream().readAllBytes());
        assertThat(restart.waitFor()).as("PostgreSQL restart: " + output).isZero();
        restarted.set(true);
        System.out.printf("ClusterTest: PostgreSQL server restarted in %d ms (%s)%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), RESTART_COMMAND);
    }

    /** The database fault: every connection of both nodes to the test database is terminated. */
    private void terminateConnections() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                PreparedStatement kill = admin.prepareStatement("SELECT count(pg_terminate_backend(pid))"
                        + " FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            kill.setString(1, database);
            try (ResultSet rs = kill.executeQuery()) {
                rs.next();
                int cut = rs.getInt(1);
                terminated.addAndGet(cut);
                System.out.printf("ClusterTest: database connections cut: %d%n", cut);
            }
        }
    }

    private Map<String, Long> activityCounts(List<String> businessKeys) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("SELECT a.act_id_, count(*)"
                + " FROM act_hi_actinst a JOIN act_hi_procinst p ON a.proc_inst_id_ = p.id_"
                + " WHERE p.business_key_ = ANY(?) GROUP BY a.act_id_")) {
            query.setArray(1, db.createArrayOf("varchar", businessKeys.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** The first column of every row; a List argument is an array. */
    private List<String> strings(String sql, Object... args) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            bind(db, query, args);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    /** A count over a fresh connection (a cut may have ended any older one); a List argument is an array. */
    private long count(String sql, Object... args) {
        for (int attempt = 0; ; attempt++) {
            try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
                bind(db, query, args);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                if (attempt >= 5) {
                    throw new IllegalStateException(e);
                }
                sleep(500);
            }
        }
    }

    private static void bind(Connection db, PreparedStatement query, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof List<?> list) {
                Array array = db.createArrayOf("varchar", list.toArray());
                query.setArray(i + 1, array);
            } else {
                query.setObject(i + 1, args[i]);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(SERVER + database, "postgres", "");
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    /** Node A's engine API through a database cut: a connection that was terminated fails the call once. */
    private static <T> T retrying(Call<T> call) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return call.call();
            } catch (RuntimeException e) {
                if (attempt >= 5) {
                    throw e;
                }
                sleep(500);
            }
        }
    }

    /** A wait of so many minutes per 200 requests ({@code -Dcluster.requests}), at least that. */
    private static Duration scaled(int minutesFor200) {
        return Duration.ofMinutes((long) minutesFor200 * Math.max(1, (REQUESTS + 199) / 200));
    }

    private void awaitUntil(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + "; jobs left "
                        + jobsLeft() + "; node B log: " + nodeB.log);
            }
            sleep(1000);
        }
    }

    private String jobsLeft() {
        List<String> rows = new ArrayList<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("SELECT d.act_id_, j.retries_,"
                + " j.lock_owner_ IS NOT NULL, count(*) FROM act_ru_job j JOIN act_ru_jobdef d ON j.job_def_id_ = d.id_"
                + " JOIN act_hi_procinst p ON j.process_instance_id_ = p.id_ WHERE p.business_key_ = ANY(?)"
                + " GROUP BY 1, 2, 3")) {
            List<String> everything = new ArrayList<>(keys);
            everything.addAll(renewalKeys);
            query.setArray(1, db.createArrayOf("varchar", everything.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " retries " + rs.getInt(2) + (rs.getBoolean(3) ? " locked" : "")
                            + ": " + rs.getLong(4));
                }
            }
        } catch (SQLException e) {
            rows.add(e.getMessage());
        }
        return rows.stream().collect(Collectors.joining(", ", "[", "]"));
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes());
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
