package org.promisedesk.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.promisedesk.intake.IntakeProcess;
import org.promisedesk.mail.TestMailServer;
import org.promisedesk.platform.BenchmarkReport;
import org.promisedesk.platform.Groups;
import org.promisedesk.platform.StandaloneApp;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * B1: what one complete fault request costs against the bare engine. Not a unit test; run it by
 * hand (docs/benchmarks.md):
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.promisedesk.fault.RequestCostBenchmark -Dexec.args="h2,postgres 20"
 * </pre>
 *
 * For each database (an H2 file under /tmp, or the PostgreSQL database {@code bench_request} on
 * 127.0.0.1:5432, dropped and created) the whole application starts (profiles test and demo: the
 * customer e-mail goes to GreenMail on 127.0.0.1, the first-line checks ask a DNS responder and a
 * web server on loopback ({@link FaultTestNetwork}); history FULL; job executor off: this thread
 * runs each due job as the job executor would, right after the step that made it). One request,
 * all through the Java API: {@code intake} started by an agent from the customer's e-mail address →
 * acknowledged (e-mail) → classified as a fault by the agent → {@code fault-escalation}: the three
 * checks (the site's server refuses connections: our fault), the responsibility decision, the
 * customer told we are on it (e-mail) → tech resolves → the customer told the true cause (e-mail)
 * → asked whether it is solved (e-mail) → the customer's reply "works now" → the agent records it
 * as solved → closed → survey (e-mail) → the customer's score → ended.
 *
 * <p>The same number of bare requests run in the same JVM, alternating in blocks: the same two
 * models turned into models of the same shape without our code ({@link BareModels}), driven by the
 * same driver with the same form values and replies. The report gives requests per second of
 * each, and the ratio (ours / bare time per request; goal ≤ 1.3).
 */
public final class RequestCostBenchmark {

    static final String COMMAND = "mvn -q -B test-compile exec:java -Dexec.classpathScope=test "
            + "-Dexec.mainClass=org.promisedesk.fault.RequestCostBenchmark -Dexec.args=\"%s %d\"";
    /** Its own PostgreSQL database, so that it may run beside B2 (which uses {@code bench}). */
    private static final String DATABASE = "bench_request";
    private static final int BLOCK = 10;
    private static final int WARM_UP = 10;
    private static final AtomicInteger KEYS = new AtomicInteger();
    private static final Map<String, List<String>> PROFILES = new LinkedHashMap<>();
    /**
     * The test network starts once per JVM ({@link FaultTestNetwork}), so the application on each
     * database must ask the same ports, not the random ones application-test.yaml gives each context.
     */
    private static final String DNS_SERVER = "127.0.0.1:" + ThreadLocalRandom.current().nextInt(61000, 63000);
    private static final int HTTP_PORT = ThreadLocalRandom.current().nextInt(63000, 65000);

    public static void main(String[] args) throws Exception {
        List<String> databases = Arrays.asList((args.length > 0 ? args[0] : "h2,postgres").split(","));
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try {
            BenchmarkReport report = run(databases, requests, args.length > 2 ? args[2] : "");
            report.writeTo(Path.of("docs/benchmarks.md"));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    public static BenchmarkReport run(List<String> databases, int requests, String note) throws Exception {
        BenchmarkReport report = new BenchmarkReport("B1", "B1 request cost" + (note.isEmpty() ? "" : " (" + note + ")"),
                COMMAND.formatted(String.join(",", databases), requests));
        report.line("| database | requests | ours req/s | bare req/s | ours ms/req p50 | bare ms/req p50 | ratio | "
                + "e-mails | load avg |");
        report.line("|---|---|---|---|---|---|---|---|---|");
        for (String database : databases) {
            report.line(runOn(database, requests));
        }
        report.line("");
        PROFILES.forEach((database, steps) -> report.line("Where ours spends more than bare on " + database
                + " (mean per request; steps are jobs and people's actions): " + String.join("; ", steps.subList(0,
                        Math.min(8, steps.size()))) + "."));
        report.line("");
        report.line("ratio = ours / bare, time per request over all measured blocks (goal ≤ 1.3). Each request: "
                + "8 jobs, 5 people's steps, 2 replies, 5 e-mails (ours).");
        return report;
    }

    private static String runOn(String database, int requests) throws Exception {
        boolean postgres = database.equals("postgres");
        Path h2Dir = Files.createTempDirectory("request-bench-");
        String url = postgres ? BenchmarkReport.freshPostgres(DATABASE)
                : "jdbc:h2:file:" + h2Dir.resolve("promise-desk") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (ConfigurableApplicationContext app = StandaloneApp.withDatabase(url)
                .profiles("test,demo")
                .property("spring.datasource.username", postgres ? "postgres" : "sa")
                .property("logging.level.org.promisedesk", "WARN")
                .property("logging.level.org.camunda", "WARN")
                .property("promise-desk.mail.archive.address", "")
                .property("promise-desk.fault.dns-server", DNS_SERVER)
                .property("promise-desk.fault.http-port", HTTP_PORT)
                .start()) {
            FaultTestNetwork.start(app.getBean(FaultSettings.class));
            Driver driver = new Driver(app);
            driver.deployBare();
            for (int i = 0; i < WARM_UP; i++) {
                driver.request(false);
            }
            driver.learnPath();
            for (int i = 0; i < WARM_UP; i++) {
                driver.request(true);
            }
            driver.steps.clear();
            double load = BenchmarkReport.load();
            Map<Boolean, List<Double>> times = new LinkedHashMap<>(Map.of(false, new ArrayList<>(), true, new ArrayList<>()));
            int mailsBefore = driver.mails();
            for (int done = 0; done < requests; done += BLOCK) {
                for (boolean bare : List.of(false, true)) {
                    for (int i = 0; i < BLOCK; i++) {
                        times.get(bare).add(driver.request(bare));
                    }
                }
                System.out.printf("%d of %d: ours %.0f ms, bare %.0f ms per request (load %.1f)%n", done + BLOCK,
                        requests, mean(times.get(false)), mean(times.get(true)), BenchmarkReport.load());
            }
            int mails = driver.mails() - mailsBefore;
            driver.checkSamePath();
            PROFILES.put(postgres ? "PostgreSQL" : "H2 file", driver.costliest(times.get(false).size()));
            double ours = mean(times.get(false));
            double bare = mean(times.get(true));
            return "| %s | %d + %d | %.1f | %.1f | %.0f | %.0f | **%.2f** | %d | %.1f–%.1f |".formatted(
                    postgres ? "PostgreSQL" : "H2 file", times.get(false).size(), times.get(true).size(), 1000 / ours,
                    1000 / bare, BenchmarkReport.median(times.get(false)), BenchmarkReport.median(times.get(true)),
                    ours / bare, mails, load, BenchmarkReport.load());
        } finally {
            if (postgres) {
                BenchmarkReport.admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
            FileSystemUtils.deleteRecursively(h2Dir);
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Drives one request from contact to the survey answer, ours or bare, as people and the mail poller would. */
    static final class Driver {

        private final RuntimeService runtime;
        private final TaskService tasks;
        private final ManagementService jobs;
        private final HistoryService history;
        private final IdentityService identity;
        private final ProcessEngine engine;
        private final TestMailServer mail;
        private final FaultFixtures.TestService site;
        private String path;
        private List<String> order = List.of();
        private boolean current;
        final Map<String, List<Double>> steps = new LinkedHashMap<>();
        private final Map<String, String> jobActivities = new HashMap<>();
        private final Map<Boolean, Set<String>> passed = new HashMap<>();

        Driver(ConfigurableApplicationContext app) {
            engine = app.getBean(ProcessEngine.class);
            runtime = engine.getRuntimeService();
            tasks = engine.getTaskService();
            jobs = engine.getManagementService();
            history = engine.getHistoryService();
            identity = engine.getIdentityService();
            mail = app.getBean(TestMailServer.class);
            site = FaultFixtures.service(app.getBean(JdbcClient.class), "DEPENDENT", "en", "VIRTUAL_HOST",
                    "bench.example", FaultTestNetwork.DEAD_SERVER);
            FaultTestNetwork.names.put(site.domain(), FaultTestNetwork.DEAD_SERVER);
        }

        void deployBare() throws Exception {
            Map<String, String> called = Map.of(FaultEscalationProcess.PROCESS_ID,
                    FaultEscalationProcess.PROCESS_ID + BareModels.SUFFIX);
            var intake = BareModels.bare("/processes/intake.bpmn", called);
            var fault = BareModels.bare("/processes/fault-escalation.bpmn", called);
            Files.writeString(Path.of("target/intake-bare.bpmn"), org.camunda.bpm.model.bpmn.Bpmn.convertToString(intake));
            Files.writeString(Path.of("target/fault-escalation-bare.bpmn"),
                    org.camunda.bpm.model.bpmn.Bpmn.convertToString(fault));
            engine.getRepositoryService().createDeployment().name("bench-bare")
                    .addModelInstance("intake-bare.bpmn", intake)
                    .addModelInstance("fault-escalation-bare.bpmn", fault)
                    .deploy();
        }

        /** The activities the last request of ours passed, in order: the bare requests take the same flows. */
        void learnPath() {
            path = "," + String.join(",", order) + ",";
        }

        int mails() {
            return mail.greenMail().getReceivedMessages().length;
        }

        /** One request to the end; its time in milliseconds. */
        double request(boolean bare) {
            current = bare;
            String key = (bare ? "BARE-" : "REQ-2030-") + "%06d".formatted(KEYS.incrementAndGet());
            long start = System.nanoTime();
            Map<String, Object> input = new HashMap<>();
            input.put(IntakeProcess.REQUEST_KEY, key);
            input.put(IntakeProcess.CHANNEL, "email");
            input.put(IntakeProcess.CUSTOMER_ID, null);
            input.put(IntakeProcess.CONTACT_ADDRESS, site.email());
            input.put(IntakeProcess.SUBJECT, "Our website is down");
            input.put(IntakeProcess.BODY, "Since this morning " + site.domain() + " does not open at all.");
            if (bare) {
                input.put(BareModels.PATH, path);
            }
            String intake = asUser("agent", Groups.AGENTS, () -> runtime.startProcessInstanceByKey(
                    IntakeProcess.PROCESS_ID + (bare ? BareModels.SUFFIX : ""), key, input).getId());
            int steps = 0;
            while (!ended(intake)) {
                runJobs();
                if (ended(intake)) {
                    break;
                }
                List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(key).list();
                if (open.isEmpty() || ++steps > 20) {
                    throw new IllegalStateException(key + " is stuck after " + steps + " steps, tasks " + open
                            .stream().map(Task::getTaskDefinitionKey).toList() + ": " + runtime.createProcessInstanceQuery()
                            .processInstanceBusinessKey(key).list().stream().map(instance -> instance
                                    .getProcessDefinitionId() + " at " + runtime.getActiveActivityIds(instance.getId()))
                            .toList() + ", jobs " + jobs.createJobQuery().processInstanceId(intake).list().stream()
                            .map(job -> job.getExceptionMessage() + " due " + job.getDuedate()).toList()
                            + "; path " + path);
                }
                for (Task task : open) {
                    act(key, task);
                }
            }
            double millis = (System.nanoTime() - start) / 1e6;
            passed.put(bare, passedActivities(key));
            if (!bare) {
                order = List.copyOf(passed.get(false));
            }
            return millis;
        }

        private void act(String key, Task task) {
            long start = System.nanoTime();
            doAct(key, task);
            step("step " + task.getTaskDefinitionKey(), start);
        }

        /** Milliseconds per step (a job or a person's action), ours and bare apart, for the report. */
        private void step(String name, long start) {
            steps.computeIfAbsent((current ? "bare " : "ours ") + name, k -> new ArrayList<>())
                    .add((System.nanoTime() - start) / 1e6);
        }

        private String activityOf(Job job) {
            return jobActivities.computeIfAbsent(String.valueOf(job.getJobDefinitionId()), id -> {
                var definition = jobs.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
                return definition == null ? "?" : definition.getActivityId();
            });
        }

        /** The steps where ours costs most more than bare, mean ms per request each. */
        List<String> costliest(int requests) {
            Map<String, Double> extra = new LinkedHashMap<>();
            for (Map.Entry<String, List<Double>> entry : steps.entrySet()) {
                if (entry.getKey().startsWith("ours ")) {
                    String name = entry.getKey().substring(5);
                    double ours = entry.getValue().stream().mapToDouble(Double::doubleValue).sum() / requests;
                    double bare = steps.getOrDefault("bare " + name, List.of()).stream()
                            .mapToDouble(Double::doubleValue).sum() / requests;
                    extra.put("%s: ours %.0f ms, bare %.0f ms".formatted(name, ours, bare), ours - bare);
                }
            }
            return extra.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(Map.Entry::getKey).toList();
        }

        private void doAct(String key, Task task) {
            switch (task.getTaskDefinitionKey()) {
                case IntakeProcess.TASK_CLASSIFY_REQUEST -> complete(task, "agent", Groups.AGENTS,
                        Map.of(IntakeProcess.REQUEST_CLASS, IntakeProcess.CLASS_FAULT));
                case FaultEscalationProcess.TASK_CHOOSE_SERVICE -> complete(task, "agent", Groups.AGENTS,
                        Map.of(FaultEscalationProcess.SERVICE_ID, site.serviceId()));
                case FaultEscalationProcess.TASK_FIX_FAULT -> complete(task, "tech", Groups.TECH, Map.of(
                        FaultEscalationProcess.TECH_ACTION, FaultEscalationProcess.ACTION_RESOLVED,
                        FaultEscalationProcess.FAULT_RESPONSIBILITY, FaultEscalationProcess.OUR_HARDWARE,
                        FaultEscalationProcess.ROOT_CAUSE, "The web server process on our host crashed after an update.",
                        FaultEscalationProcess.FIX, "We rolled the update back and restarted the web server."));
                case IntakeProcess.TASK_RECORD_CONFIRMATION -> reply(key, "Works now, thank you!");
                case IntakeProcess.TASK_READ_CONFIRMATION -> complete(task, "agent", Groups.AGENTS,
                        Map.of(IntakeProcess.CONFIRMATION, IntakeProcess.CONFIRM_SOLVED));
                case IntakeProcess.TASK_RECORD_SURVEY_ANSWER -> reply(key, "5 - quick and clear, thanks");
                default -> throw new IllegalStateException(key + ": no step for task " + task.getTaskDefinitionKey());
            }
        }

        private void complete(Task task, String user, String group, Map<String, Object> form) {
            asUser(user, group, () -> {
                tasks.complete(task.getId(), form);
                return null;
            });
        }

        /** What the inbound mail poller does with a reply carrying the request key. */
        private void reply(String key, String text) {
            runtime.createMessageCorrelation(IntakeProcess.MESSAGE_CUSTOMER_REPLIED).processInstanceBusinessKey(key)
                    .setVariable(IntakeProcess.REPLY_TEXT, text).setVariable(IntakeProcess.REPLY_FROM, site.email())
                    .setVariable(IntakeProcess.REPLY_MESSAGE_ID, "<" + key + "-" + KEYS.incrementAndGet() + "@mail.example>")
                    .setVariable(IntakeProcess.REPLY_FROM_CUSTOMER, true).correlateAllWithResult();
        }

        /** Every job that is due now, as the job executor would run it (timers in the future stay). */
        private void runJobs() {
            List<Job> due;
            while (!(due = jobs.createJobQuery().executable().list()).isEmpty()) {
                for (Job job : due) {
                    long start = System.nanoTime();
                    jobs.executeJob(job.getId());
                    step("job " + job.getProcessDefinitionKey().replace(BareModels.SUFFIX, "") + ":"
                            + activityOf(job), start);
                }
            }
        }

        private boolean ended(String instanceId) {
            return runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0;
        }

        /** The activities of every instance of the request, each as process:activity, in the order they started. */
        private Set<String> passedActivities(String key) {
            Set<String> ids = new LinkedHashSet<>();
            for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(key).list()) {
                if (!"COMPLETED".equals(instance.getState())) {
                    throw new IllegalStateException(key + ": " + instance.getProcessDefinitionKey() + " is "
                            + instance.getState());
                }
                String process = instance.getProcessDefinitionKey().replace(BareModels.SUFFIX, "");
                history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()
                        .stream().map(activity -> process + ":" + activity.getActivityId()).forEach(ids::add);
            }
            return ids;
        }

        /** The bare request went the same way as ours: the same activities, the same order of magnitude of steps. */
        void checkSamePath() {
            Set<String> ours = passed.get(false);
            Set<String> bare = passed.get(true);
            if (!ours.equals(bare)) {
                throw new IllegalStateException("the bare request went another way: ours " + ours + ", bare " + bare);
            }
            System.out.println("Both passed " + ours.size() + " activities: " + ours);
        }

        private <T> T asUser(String user, String group, java.util.function.Supplier<T> action) {
            identity.setAuthentication(user, List.of(group));
            try {
                return action.get();
            } finally {
                identity.clearAuthentication();
            }
        }
    }

    private RequestCostBenchmark() {
    }
}
