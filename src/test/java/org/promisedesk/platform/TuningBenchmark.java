package org.promisedesk.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.promisedesk.intake.IntakeProcess;
import org.promisedesk.mail.TestMailServer;
import org.springframework.context.ConfigurableApplicationContext;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * B5 engine tuning: the same load through the whole application with the job executor on, once per
 * setting, side by side in rounds. Not a unit test; run it by hand (docs/benchmarks.md):
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.promisedesk.platform.TuningBenchmark -Dexec.args="200 3"
 * </pre>
 *
 * Arguments: requests per run, rounds (after one warm-up run that is not counted). Each run: a fresh PostgreSQL database, the application on
 * it (profiles {@code postgres,demo}) with one variant's settings, customer e-mail to GreenMail
 * (answering at once, {@link TestMailServer#promptGreenMail}).
 * The load is what an agent's morning looks like to the engine: the requests opened over
 * {@code POST /api/requests} by 4 clients, each acknowledged by e-mail (a job), then classified as
 * chit-chat and answered over the engine REST API (the answer is an e-mail job; the request then
 * ends). Measured: from the first request opened to the last ended, and from a request's opening
 * to its acknowledgement e-mail (the job executor's latency as a customer feels it).
 */
public final class TuningBenchmark {

    static final String COMMAND = "mvn -q -B test-compile exec:java -Dexec.classpathScope=test "
            + "-Dexec.mainClass=org.promisedesk.platform.TuningBenchmark -Dexec.args=\"%d %d\"";
    private static final int CLIENTS = 4;

    /** The settings of the Camunda starter and HikariCP when nothing is configured. */
    private static final List<String> STARTER_DEFAULTS = List.of("spring.datasource.hikari.maximum-pool-size=10",
            "camunda.bpm.job-execution.core-pool-size=3", "camunda.bpm.job-execution.max-pool-size=10",
            "camunda.bpm.job-execution.max-jobs-per-acquisition=3", "camunda.bpm.job-execution.wait-time-in-millis=5000",
            "camunda.bpm.job-execution.max-wait=60000");

    /**
     * Not a property of the application: the run uses GreenMail as it comes, whose SMTP server holds
     * the second line of its EHLO reply for the client's delayed ACK, about 40 ms per connection
     * (measured in B1) — a mail server some way off, as a real one is.
     */
    private static final String SLOW_SMTP = "benchmark.smtp=slow";

    private static List<String> with(List<String> settings, String setting) {
        List<String> all = new ArrayList<>(settings);
        all.add(setting);
        return all;
    }

    /** The variants: the shipped configuration first, then one change at a time against it. */
    static Map<String, List<String>> variants() {
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("shipped (application.yaml): 30 connections, 3–10 job threads", List.of());
        variants.put("starter defaults: 10 connections, 3–10 job threads, 3 jobs per acquisition, 5 s idle wait",
                STARTER_DEFAULTS);
        variants.put("shipped, but 20 connections and 3–4 job threads",
                List.of("spring.datasource.hikari.maximum-pool-size=20", "camunda.bpm.job-execution.max-pool-size=4"));
        variants.put("starter defaults, SMTP answering in about 40 ms", with(STARTER_DEFAULTS, SLOW_SMTP));
        variants.put("shipped, SMTP answering in about 40 ms", List.of(SLOW_SMTP));
        variants.put("shipped, 10 jobs per acquisition", List.of("camunda.bpm.job-execution.max-jobs-per-acquisition=10"));
        variants.put("shipped, 500 ms idle wait, 2 s max wait", List.of("camunda.bpm.job-execution.wait-time-in-millis=500",
                "camunda.bpm.job-execution.max-wait=2000"));
        variants.put("shipped, jdbcBatchProcessing off",
                List.of("camunda.bpm.generic-properties.properties.jdbcBatchProcessing=false"));
        variants.put("shipped, history level audit (not shippable: the audit trail needs full)",
                List.of("camunda.bpm.history-level=audit"));
        return variants;
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        try {
            run(requests, rounds).writeTo(Path.of("docs/benchmarks.md"));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    public static BenchmarkReport run(int requests, int rounds) throws Exception {
        BenchmarkReport report = new BenchmarkReport("B5", "B5 engine tuning, PostgreSQL",
                COMMAND.formatted(requests, rounds));
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        variants().keySet().forEach(name -> runs.put(name, new ArrayList<>()));
        for (int warmUp = 1; warmUp <= 2; warmUp++) {
            System.out.printf("warm-up %d (not counted): %s%n", warmUp, runOnce(List.of(), requests));
        }
        // The JVM keeps getting faster from run to run, so each round starts at another variant.
        List<Map.Entry<String, List<String>>> order = new ArrayList<>(variants().entrySet());
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, List<String>> variant : order) {
                Run run = runOnce(variant.getValue(), requests);
                runs.get(variant.getKey()).add(run);
                System.out.printf("round %d, %s: %s%n", round, variant.getKey(), run);
            }
            Collections.rotate(order, -(order.size() / rounds));
        }
        report.line("| variant | requests/s (each round) | to the last ended s (each round) | acknowledged after"
                + " p50 / p95 ms (all rounds) | load avg |");
        report.line("|---|---|---|---|---|");
        for (Map.Entry<String, List<Run>> variant : runs.entrySet()) {
            List<Run> each = variant.getValue();
            List<Long> latencies = new ArrayList<>();
            each.forEach(run -> latencies.addAll(run.ackMillis));
            latencies.sort(null);
            String ack = latencies.isEmpty() ? "—" : percentile(latencies, 50) + " / " + percentile(latencies, 95);
            report.line("| %s | %s | %s | %s | %s |".formatted(variant.getKey(),
                    join(each, run -> run.failure != null ? "failed" : "%.2f".formatted(requests / run.seconds)),
                    join(each, run -> run.failure != null ? "failed" : "%.1f".formatted(run.seconds)),
                    ack, join(each, run -> "%.1f".formatted(run.load))));
        }
        report.line("");
        runs.forEach((name, each) -> each.stream().filter(run -> run.failure != null).forEach(run -> report.line(
                "- *%s* failed: %s".formatted(name, run.failure.replace('\n', ' ')))));
        report.line("");
        report.line(("Each run: %d requests, 2 e-mail jobs and 2 people's steps each; two warm-up runs, then %d"
                + " rounds; each round starts %d variants further down the list (the JVM keeps getting faster from"
                + " run to run).").formatted(requests, rounds, variants().size() / rounds));
        return report;
    }

    private static String join(List<Run> runs, java.util.function.Function<Run, String> value) {
        return String.join(", ", runs.stream().map(value).toList());
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** One run's figures, or why it did not finish ({@code failure}). */
    record Run(double seconds, List<Long> ackMillis, double load, String failure) {
        @Override
        public String toString() {
            return failure != null ? "failed: " + failure : "%.1f s, load %.1f".formatted(seconds, load);
        }
    }

    private static Run runOnce(List<String> settings, int requests) throws Exception {
        String database = BenchmarkReport.freshPostgres("bench_tuning");
        ServerSetup smtp = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail greenMail = settings.contains(SLOW_SMTP) ? new GreenMail(smtp) : TestMailServer.promptGreenMail(smtp);
        greenMail.start();
        StandaloneApp app = StandaloneApp.withDatabase(database).profiles("postgres,demo").jobExecution(true)
                .property("spring.mail.host", "127.0.0.1").property("spring.mail.port", greenMail.getSmtp().getPort())
                .property("logging.level.org.camunda", "WARN").property("logging.level.org.promisedesk", "WARN");
        settings.stream().filter(setting -> !setting.equals(SLOW_SMTP)).forEach(setting -> app.property(
                setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1)));
        ConfigurableApplicationContext context = app.start();
        double load = BenchmarkReport.load();
        try {
            return new Load(context, requests).run(database, load);
        } catch (Exception e) {
            return new Run(0, List.of(), load, e.getMessage());
        } finally {
            context.close();
            greenMail.stop();
            BenchmarkReport.admin("DROP DATABASE IF EXISTS bench_tuning WITH (FORCE)");
        }
    }

    /** One run's load against one started application. */
    private static final class Load {
        private final HttpClient http = HttpClient.newHttpClient();
        private final ProcessEngine engine;
        private final int port;
        private final int requests;

        Load(ConfigurableApplicationContext context, int requests) {
            this.engine = context.getBean(ProcessEngine.class);
            this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            this.requests = requests;
        }

        Run run(String database, double load) throws Exception {
            long started = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, work -> {
                Thread thread = new Thread(work);
                thread.setDaemon(true); // a failed run leaves no client behind
                return thread;
            });
            List<Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                opened.add(clients.submit(() -> open(n)));
            }
            List<String> keys = new ArrayList<>();
            for (Future<String> key : opened) {
                keys.add(key.get(3, TimeUnit.MINUTES));
            }
            List<Future<?>> worked = new ArrayList<>();
            for (String key : keys) {
                worked.add(clients.submit(() -> {
                    complete(key, IntakeProcess.TASK_CLASSIFY_REQUEST, "{\"requestClass\":{\"value\":\"chit-chat\"}}");
                    complete(key, IntakeProcess.TASK_REPLY, "{\"workOutcome\":{\"value\":\"answered\"},"
                            + "\"answerText\":{\"value\":\"Hello to you too, and thank you for writing.\"}}");
                    return null;
                }));
            }
            for (Future<?> done : worked) {
                done.get(3, TimeUnit.MINUTES);
            }
            clients.shutdown();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("intake")
                    .completed().count() < requests) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("requests did not end within 3 minutes");
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Run(seconds, acknowledgementLatencies(database), load, null);
        }

        /** From a request's start to its acknowledgement marked sent, per request, in milliseconds. */
        private List<Long> acknowledgementLatencies(String database) throws Exception {
            List<Long> millis = new ArrayList<>();
            try (Connection db = DriverManager.getConnection(database, "postgres", "");
                    ResultSet rs = db.createStatement().executeQuery("SELECT EXTRACT(EPOCH FROM (m.sent_at"
                            + " - p.start_time_)) * 1000 FROM customer_message m JOIN act_hi_procinst p"
                            + " ON m.process_instance_id = p.id_ WHERE m.activity_id = 'Task_Acknowledge'")) {
                while (rs.next()) {
                    millis.add(Math.round(rs.getDouble(1)));
                }
            }
            millis.sort(null);
            if (millis.size() != requests) {
                throw new IllegalStateException(millis.size() + " acknowledgements for " + requests + " requests");
            }
            return millis;
        }

        private String open(int n) throws Exception {
            String body = "{\"customerId\":1,\"channel\":\"api\",\"subject\":\"Tuning " + n
                    + "\",\"body\":\"Just saying hello from the tuning benchmark, number " + n + ".\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/requests"))
                    .header("Authorization", basic("agent")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher key = Pattern.compile("REQ-\\d{4}-\\d{6}").matcher(response.body());
            if (response.statusCode() != 201 || !key.find()) {
                throw new IllegalStateException("POST /api/requests: " + response.statusCode() + " " + response.body());
            }
            return key.group();
        }

        /** Waits for the request's task (a job may come first), then completes it as the agent. */
        private void complete(String key, String taskKey, String variables) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            List<Task> tasks;
            while ((tasks = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
                    .taskDefinitionKey(taskKey).list()).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(key + ": no task " + taskKey + " within 3 minutes");
                }
                Thread.sleep(50);
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/engine-rest/engine/"
                    + engine.getName() + "/task/" + tasks.get(0).getId() + "/complete"))
                    .header("Authorization", basic("agent")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":" + variables + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException(taskKey + " of " + key + ": " + response.statusCode() + " "
                        + response.body());
            }
        }

        private URI url(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private TuningBenchmark() {
    }
}
