package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
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
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Two nodes on one PostgreSQL database, both running the job executor: node A in this JVM
 * ({@link StandaloneApp}), node B in a JVM of its own so that it can be killed hard. A load of
 * customer requests is opened over both nodes' HTTP ports, and while it runs: the SMTP server is
 * down for a while (and throughout, every n-th message's answer from the server is lost), the
 * database cuts every connection of both nodes twice, the first-response timers are forced due
 * (job due dates, not the clock: the nodes share no clock variable) and fire on either node, and
 * node B is killed in the middle of the work. Afterwards every request has ended by the short path
 * (classified as chit-chat, replied), every timer fired once, every e-mail arrived exactly once.
 * The figures are printed ({@code ClusterTest: ...}) and written down in docs/reliability.md.
 * <p>
 * {@code -Dcluster.requests=2000} is the full load (a manual run); the default, 200, keeps
 * {@code mvn verify} bounded on a small machine. {@code -Dcluster.mail-outage-seconds} (60).
 */
class ClusterTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String CUSTOMER_EMAIL = "it@northwind.example";
    private static final String ARCHIVE = "archive@promisedesk.example";
    private static final Pattern KEY_IN_SUBJECT = Pattern.compile("^\\[(REQ-\\d{4}-\\d{6})\\] ");
    private static final int REQUESTS = Integer.getInteger("cluster.requests", 200);
    private static final int MAIL_OUTAGE_SECONDS = Integer.getInteger("cluster.mail-outage-seconds", 60);
    private static final int LOSE_EVERY_NTH_ANSWER = 25;
    private static final int LOCK_TIME_MILLIS = 20_000;
    private static final int CLIENTS = 4;

    private final String database = "promisedesk_cluster_" + UUID.randomUUID().toString().replace("-", "");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger answered5xx = new AtomicInteger();
    private final AtomicInteger connectionFailures = new AtomicInteger();
    private final AtomicInteger resent = new AtomicInteger();
    private final AtomicInteger terminated = new AtomicInteger();
    private final AtomicBoolean nodeBAlive = new AtomicBoolean(true);

    private GreenMail greenMail;
    private ClusterSmtpSwitch smtp;
    private ConfigurableApplicationContext nodeA;
    private ClusterNodeProcess nodeB;
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
        nodeProperties().forEach(property -> {
            int eq = property.indexOf('=');
            a.property(property.substring(0, eq), property.substring(eq + 1));
        });
        nodeA = a.start();
        portA = Integer.parseInt(nodeA.getEnvironment().getProperty("local.server.port"));
        engineA = nodeA.getBean(ProcessEngine.class);
        List<String> b = new ArrayList<>(nodeProperties());
        b.add("spring.profiles.active=postgres,demo");
        b.add("spring.datasource.url=" + SERVER + database);
        b.add("camunda.bpm.job-execution.enabled=true");
        nodeB = ClusterNodeProcess.start("default", freePort(), b, Path.of("target", "cluster-node-b.log"));
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
                if (done == 2 * REQUESTS / 3) {
                    terminateConnections();
                }
                return null;
            }));
        }
        for (Future<?> opening : openings) {
            opening.get(5, TimeUnit.MINUTES);
        }
        long openSeconds = seconds(loadStarted);
        System.out.printf("ClusterTest: %d requests opened over 2 nodes in %d s (%.1f/s), %d answers 5xx and"
                + " %d connection failures retried on the other node%n", keys.size(), openSeconds,
                keys.size() / Math.max(1.0, openSeconds), answered5xx.get(), connectionFailures.get());
        assertThat(keys).hasSize(REQUESTS).doesNotHaveDuplicates();
        assertThat(count("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = 'intake'") - before)
                .as("no request started twice or half-started by a retried call").isEqualTo(REQUESTS);

        // 2. Force every first-response timer due; both job executors fire them; a second cut meanwhile.
        List<String> instanceIds = ids("SELECT id_ FROM act_hi_procinst WHERE business_key_ = ANY(?)");
        List<Job> timers = retrying(() -> engineA.getManagementService().createJobQuery().timers()
                .activityId("Event_FirstResponseDue").list());
        Date now = new Date();
        int forced = 0;
        for (Job timer : timers) {
            if (instanceIds.contains(timer.getProcessInstanceId())) {
                retrying(() -> {
                    engineA.getManagementService().setJobDuedate(timer.getId(), now);
                    return null;
                });
                forced++;
            }
        }
        assertThat(forced).isEqualTo(REQUESTS);
        Thread.sleep(1000);
        terminateConnections();
        awaitUntil("all first-response timers fired", scaled(3), () -> count(
                "SELECT count(*) FROM act_hi_actinst a JOIN act_hi_procinst p ON a.proc_inst_id_ = p.id_"
                + " WHERE a.act_id_ = 'Task_ReviewBreach' AND p.business_key_ = ANY(?)", keys) == REQUESTS);

        // 3. Everything acknowledged (through the outage): every request waits to be classified.
        awaitUntil("every request acknowledged and waiting for classification", scaled(4), () -> count(
                "SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e ON t.proc_inst_id_ = e.id_"
                + " WHERE t.task_def_key_ = 'Task_ClassifyRequest' AND e.business_key_ = ANY(?)", keys) == REQUESTS);
        faults.awaitMailBack();

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

        // 5. Work the requests to their end over both nodes; halfway node B is killed (kill -9),
        //    the load balancer sends the rest to A, and A takes over B's locked jobs after the lock time.
        long workStarted = System.nanoTime();
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
        for (Future<?> done : work) {
            done.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();
        awaitUntil("every request ended", scaled(3), () -> count("SELECT count(*) FROM act_hi_procinst"
                + " WHERE business_key_ = ANY(?) AND end_time_ IS NOT NULL", keys) == REQUESTS);
        long totalSeconds = seconds(loadStarted);

        // 6. Count: ended, timers, jobs, incidents, messages.
        assertThat(count("SELECT count(*) FROM act_hi_procinst WHERE business_key_ = ANY(?) AND state_ = 'COMPLETED'",
                keys)).as("ended normally").isEqualTo(REQUESTS);
        Map<String, Long> activities = activityCounts();
        assertThat(activities).containsEntry("Event_FirstResponseDue", (long) REQUESTS)
                .containsEntry("Task_ReviewBreach", (long) REQUESTS)
                .containsEntry("Task_Acknowledge", (long) REQUESTS)
                .containsEntry("Task_SendAnswer", (long) REQUESTS)
                .containsEntry("Event_ClosedWithoutSurvey", (long) REQUESTS)
                .doesNotContainKey("Event_ResolutionDue");
        long twice = count("SELECT count(*) FROM (SELECT a.proc_inst_id_, a.act_id_ FROM act_hi_actinst a"
                + " JOIN act_hi_procinst p ON a.proc_inst_id_ = p.id_ WHERE p.business_key_ = ANY(?)"
                + " GROUP BY a.proc_inst_id_, a.act_id_ HAVING count(*) > 1) t", keys);
        assertThat(twice).as("a step of one request run twice").isZero();
        assertThat(count("SELECT count(*) FROM act_ru_job j JOIN act_hi_procinst p ON j.process_instance_id_ = p.id_"
                + " WHERE p.business_key_ = ANY(?)", keys)).as("jobs left").isZero();
        long incidents = count("SELECT count(*) FROM act_hi_incident i JOIN act_hi_procinst p"
                + " ON i.proc_inst_id_ = p.id_ WHERE p.business_key_ = ANY(?)", keys);
        assertThat(incidents).as("incidents, ever").isZero();
        long failedAttempts = count("SELECT count(*) FROM act_hi_job_log l JOIN act_hi_procinst p"
                + " ON l.process_instance_id_ = p.id_ WHERE p.business_key_ = ANY(?) AND l.job_state_ = 1", keys);
        assertThat(count("SELECT count(*) FROM customer_message WHERE request_key = ANY(?) AND state = 'SENT'", keys))
                .isEqualTo(2L * REQUESTS);
        assertThat(count("SELECT count(*) FROM customer_message WHERE request_key = ANY(?)", keys))
                .isEqualTo(2L * REQUESTS);

        Map<String, List<String>> idsByKey = new HashMap<>();
        for (MimeMessage message : greenMail.findReceivedMessages(
                user -> user.getEmail().equalsIgnoreCase(CUSTOMER_EMAIL), message -> true).toList()) {
            Matcher key = KEY_IN_SUBJECT.matcher(subject(message));
            if (key.find()) {
                idsByKey.computeIfAbsent(key.group(1), k -> new ArrayList<>()).add(messageId(message));
            }
        }
        long delivered = keys.stream().mapToLong(key -> idsByKey.getOrDefault(key, List.of()).size()).sum();
        long lost = keys.stream().filter(key -> idsByKey.getOrDefault(key, List.of()).size() < 2).count();
        long duplicated = keys.stream().mapToLong(key -> {
            List<String> ids = idsByKey.getOrDefault(key, List.of());
            return ids.size() - ids.stream().distinct().count() + Math.max(0, ids.stream().distinct().count() - 2);
        }).sum();
        System.out.printf("ClusterTest: %d requests ended in %d s of load (work phase %d s); timers fired %d (once"
                + " each); e-mails at GreenMail %d for %d expected, lost %d, duplicates %d; SMTP connections refused"
                + " during the %d s outage %d, server answers lost %d; database connections terminated %d; failed job"
                + " attempts retried %d; incidents %d; steps run twice %d%n", REQUESTS, totalSeconds,
                seconds(workStarted), activities.get("Event_FirstResponseDue"), delivered, 2L * REQUESTS, lost,
                duplicated, MAIL_OUTAGE_SECONDS, smtp.refused.get(), smtp.answersLost.get(), terminated.get(),
                failedAttempts, incidents, twice);
        assertThat(lost).as("requests missing an e-mail").isZero();
        assertThat(duplicated).as("e-mails received twice").isZero();
        assertThat(delivered).isEqualTo(2L * REQUESTS);
        assertThat(smtp.refused.get()).as("the outage happened").isPositive();
        assertThat(terminated.get()).as("the database cuts happened").isPositive();
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

    private String open(int n) throws Exception {
        String body = "{\"customerId\":1,\"channel\":\"api\",\"subject\":\"Cluster load " + n
                + "\",\"body\":\"Just saying hello from the cluster test, number " + n + ".\"}";
        for (int attempt = 0; ; attempt++) {
            int port = portFor(n + attempt);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(url(port, "/api/requests"))
                        .header("Authorization", basic("agent")).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    Matcher key = Pattern.compile("REQ-\\d{4}-\\d{6}").matcher(response.body());
                    assertThat(key.find()).isTrue();
                    return key.group();
                }
                if (response.statusCode() < 500 || attempt >= 10) {
                    throw new AssertionError("POST /api/requests: " + response.statusCode() + " " + response.body());
                }
                answered5xx.incrementAndGet();
            } catch (ConnectException e) {
                // nothing reached the node: safe to send again (any other failure may have opened it)
                connectionFailures.incrementAndGet();
                if (attempt >= 10) {
                    throw e;
                }
            }
            resent.incrementAndGet();
            Thread.sleep(500);
        }
    }

    /** Chit-chat: a lead reviews the missed first response, an agent classifies and replies. */
    private void completeRequest(String key, int n) throws Exception {
        complete(key, IntakeProcess.TASK_CLASSIFY_REQUEST, "agent", n,
                "{\"requestClass\":{\"value\":\"chit-chat\"}}");
        complete(key, IntakeProcess.TASK_REPLY, "agent", n, "{\"workOutcome\":{\"value\":\"answered\"},"
                + "\"answerText\":{\"value\":\"Hello to you too, and thank you for writing.\"}}");
        complete(key, IntakeProcess.TASK_REVIEW_BREACH, "lead", n,
                "{\"breachAction\":{\"value\":\"Load test: nothing to do.\"}}");
    }

    private void complete(String key, String taskKey, String user, int n, String variables) throws Exception {
        for (int attempt = 0; ; attempt++) {
            List<Task> tasks = retrying(() -> engineA.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
                    .taskDefinitionKey(taskKey).list());
            if (tasks.isEmpty() && attempt > 0) {
                return; // the call that failed on the wire went through after all
            }
            assertThat(tasks).as(key + " " + taskKey).hasSize(1);
            int port = portFor(n + attempt);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        url(port, engineRest(port) + "/task/" + tasks.get(0).getId() + "/complete"))
                        .header("Authorization", basic(user)).header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":" + variables + "}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 204) {
                    return;
                }
                if (response.statusCode() < 500 || attempt >= 10) {
                    throw new AssertionError(taskKey + " of " + key + ": " + response.statusCode() + " "
                            + response.body());
                }
                answered5xx.incrementAndGet();
            } catch (IOException e) {
                connectionFailures.incrementAndGet();
                if (attempt >= 10) {
                    throw e;
                }
            }
            resent.incrementAndGet();
            Thread.sleep(500);
        }
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

    private Map<String, Long> activityCounts() throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("SELECT a.act_id_, count(*)"
                + " FROM act_hi_actinst a JOIN act_hi_procinst p ON a.proc_inst_id_ = p.id_"
                + " WHERE p.business_key_ = ANY(?) GROUP BY a.act_id_")) {
            query.setArray(1, db.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private List<String> ids(String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** A count over a fresh connection (a cut may have ended any older one); a List argument is an array. */
    private long count(String sql, Object... args) {
        for (int attempt = 0; ; attempt++) {
            try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    if (args[i] instanceof List<?> list) {
                        Array array = db.createArrayOf("varchar", list.toArray());
                        query.setArray(i + 1, array);
                    } else {
                        query.setObject(i + 1, args[i]);
                    }
                }
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

    /** A wait sized for the default load, longer in proportion for a larger one ({@code -Dcluster.requests}). */
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
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement("SELECT j.act_id_, j.retries_,"
                + " j.lock_owner_ IS NOT NULL, count(*) FROM act_ru_job j JOIN act_hi_procinst p"
                + " ON j.process_instance_id_ = p.id_ WHERE p.business_key_ = ANY(?) GROUP BY 1, 2, 3")) {
            query.setArray(1, db.createArrayOf("varchar", keys.toArray()));
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

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
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
