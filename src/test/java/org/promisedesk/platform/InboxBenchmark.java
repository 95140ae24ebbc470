package org.promisedesk.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * B2: the query behind Tasklist's "My team's inbox" ({@link TasklistFilters#MY_TEAMS_INBOX}: candidate
 * group one of mine, claimed or not, by due date, first page of 50) run as agent {@code agent}
 * (group agents) with authorization checks on, at 1k, 10k and 100k open tasks on PostgreSQL. Not a
 * unit test; run it by hand (docs/benchmarks.md):
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.promisedesk.platform.InboxBenchmark -Dexec.args="1000,10000,100000"
 * </pre>
 *
 * One fresh PostgreSQL database ({@code bench}, dropped and created), the whole application on it
 * (profiles postgres and demo, job executor off), and open tasks of one-user-task models, one per
 * group that works tasks (agents, tech, architects, sales, leads, in turn {@value #PER_START} at a
 * time: a fifth are the agent's), each task with its candidate group, its due date (spread over 30
 * days) and the engine's own authorization for that group. The first {@value #TEMPLATE} are started
 * through the engine ({@link #addTasks}, with full history); the rest are copies of their rows in
 * the runtime tables ({@link #copyTasks}) — on this shared machine the engine starts 25–40 tasks a
 * second, and 100k that way would take most of an hour. With the argument {@code engine} every
 * task is started through the engine. The sizes are reached one after the other in the same
 * database, each followed by {@code ANALYZE}.
 *
 * <p>At each size the filter's first page is read {@value #RUNS} times, through
 * {@link FilterService#listPage} as Tasklist does (and its count, as Tasklist shows it), for each
 * variant side by side in {@value #ROUNDS} alternating rounds, each after {@value #WARM_UP}
 * unmeasured reads: the engine's default {@code authorizationCheckRevokes=auto} (the task query
 * joins the user's grants), with and without an index on the due date, {@code always} with the
 * index, and the application as shipped (application.yaml). A variant slower than 3 s is read once
 * per round; PostgreSQL cancels a statement after {@value #STATEMENT_TIMEOUT_S} s.
 */
public final class InboxBenchmark {

    static final String COMMAND = "mvn -q -B test-compile exec:java -Dexec.classpathScope=test "
            + "-Dexec.mainClass=org.promisedesk.platform.InboxBenchmark -Dexec.args=\"%s%s\"";
    private static final String PROCESS = "bench-inbox";
    private static final int PER_START = 100;
    /** The tasks started through the engine that {@link #copyTasks} copies. */
    private static final int TEMPLATE = 1000;
    private static final Instant DUE_FROM = Instant.parse("2030-01-15T01:00:00Z");
    private static final int WARM_UP = 5;
    private static final int RUNS = 30;
    private static final int ROUNDS = 3;
    /** A variant slower than this gets one read per round (and no warm-up), not ten. */
    private static final long SLOW_NANOS = 3_000_000_000L;
    /** PostgreSQL's statement_timeout in the benchmark database: a variant that hits it is not read again. */
    private static final int STATEMENT_TIMEOUT_S = 60;
    private static final Set<Variant> TIMED_OUT = new java.util.HashSet<>();
    /** Tried for the ORDER BY due date … LIMIT 50; not shipped, the figures do not show a gain. */
    private static final String TRIED_INDEX_NAME = "bench_task_due_date_idx";
    private static final String TRIED_INDEX = "CREATE INDEX IF NOT EXISTS " + TRIED_INDEX_NAME + " ON ACT_RU_TASK (DUE_DATE_)";

    record Variant(String name, String authorizationCheckRevokes, boolean index) {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "1000,10000,100000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        BenchmarkReport report = run(sizes, args.length > 1 && args[1].equals("engine"));
        report.writeTo(Path.of("docs/benchmarks.md"));
        System.exit(0);
    }

    public static BenchmarkReport run(int[] sizes, boolean engineOnly) throws Exception {
        BenchmarkReport report = new BenchmarkReport("B2", "B2 inbox, PostgreSQL"
                + (engineOnly ? ", every task started through the engine" : ""), COMMAND.formatted(
                        java.util.stream.IntStream.of(sizes).mapToObj(String::valueOf).collect(Collectors.joining(",")),
                        engineOnly ? " engine" : ""));
        String url = BenchmarkReport.freshPostgres("bench");
        BenchmarkReport.admin("ALTER DATABASE bench SET statement_timeout = '" + STATEMENT_TIMEOUT_S + "s'");
        try (ConfigurableApplicationContext app = StandaloneApp.withDatabase(url)
                .profiles("postgres,demo")
                .property("logging.level.org.promisedesk", "WARN")
                .property("logging.level.org.camunda", "WARN")
                .start()) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            ProcessEngineConfigurationImpl configuration =
                    (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            String shippedRevokes = configuration.getAuthorizationCheckRevokes();
            List<Variant> variants = List.of(
                    new Variant("engine default (revoke check auto)", ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO,
                            false),
                    new Variant("auto + due-date index (tried)", ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO,
                            true),
                    new Variant("always + due-date index (tried)", ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS,
                            true),
                    new Variant("shipped (revoke check " + shippedRevokes + ")", shippedRevokes, false));
            var deployment = engine.getRepositoryService().createDeployment().name(PROCESS);
            Groups.TASK_WORKERS.forEach(group -> deployment.addModelInstance(PROCESS + "-" + group + ".bpmn", model(group)));
            deployment.deploy();
            String filterId = engine.getFilterService().createFilterQuery()
                    .filterName(TasklistFilters.MY_TEAMS_INBOX).list().stream()
                    .filter(filter -> filter.getOwner() == null).map(Filter::getId).findFirst().orElseThrow();

            report.line("| open tasks | agent's | variant | page p50 ms | page p95 ms | count p50 ms | load avg |");
            report.line("|---|---|---|---|---|---|---|");
            int open = 0;
            Map<String, List<Double>> p50s = new LinkedHashMap<>();
            for (int size : sizes) {
                long start = System.nanoTime();
                open = engineOnly || open == 0 ? addTasks(configuration, open, size) : copyTasks(jdbc, open, size);
                jdbc.sql("ANALYZE").update();
                System.out.printf("%,d open tasks loaded in %.1f s%n", open, (System.nanoTime() - start) / 1e9);
                for (String row : measure(engine, configuration, jdbc, filterId, open, variants, p50s)) {
                    report.line(row);
                }
            }
            report.line("");
            for (Map.Entry<String, List<Double>> entry : p50s.entrySet()) {
                List<Double> values = entry.getValue();
                double ratio = values.get(values.size() - 1) / values.get(0);
                report.line("- %s: page p50 at %,d / %,d open tasks = **%s**".formatted(entry.getKey(),
                        sizes[sizes.length - 1], sizes[0], Double.isNaN(ratio) ? "timed out" : "%.2f".formatted(ratio)));
            }
            if (Boolean.getBoolean("inbox.sql")) {
                logQueries(engine, configuration, jdbc, filterId, variants);
            }
        }
        BenchmarkReport.admin("DROP DATABASE IF EXISTS bench WITH (FORCE)");
        return report;
    }

    /** One user task for {@code group}, due at the date in the variable {@code due}. */
    static BpmnModelInstance model(String group) {
        return Bpmn.createExecutableProcess(PROCESS + "-" + group).name("Benchmark inbox " + group)
                .camundaHistoryTimeToLive(1)
                .startEvent("Event_Start")
                .userTask("Task_Answer").name("Answer the customer").camundaCandidateGroups(group).camundaDueDate("${due}")
                .endEvent("Event_End")
                .done();
    }

    /**
     * {@code target - open} more open tasks, {@value #PER_START} instances per transaction: the
     * engine's own start of a process instance (what RuntimeService does after its checks), many in
     * one command so that they are flushed together in JDBC batches.
     */
    private static int addTasks(ProcessEngineConfigurationImpl configuration, int open, int target) {
        while (open < target) {
            int first = open;
            int count = Math.min(PER_START, target - open);
            String group = Groups.TASK_WORKERS.get((first / PER_START) % Groups.TASK_WORKERS.size());
            configuration.getCommandExecutorTxRequired().execute(context -> {
                ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
                        .findDeployedLatestProcessDefinitionByKey(PROCESS + "-" + group);
                for (int i = first; i < first + count; i++) {
                    ExecutionEntity instance = definition.createProcessInstance("REQ-2030-%06d".formatted(i));
                    instance.start(Map.of("due", Date.from(DUE_FROM.plus(Duration.ofMinutes((i * 37L) % 43200)))));
                }
                return null;
            });
            open += count;
            if ((open / PER_START) % 20 == 0) {
                System.out.printf("  %,d open tasks%n", open);
            }
        }
        return open;
    }

    /**
     * Grows the open tasks from {@code open} to {@code target} by copying, {@value #TEMPLATE} at a
     * time, the rows the engine wrote for the first {@value #TEMPLATE} tasks in the runtime tables
     * (execution, task, candidate group link, the task's authorization, variable) with new ids and
     * due dates moved by some minutes. No history is copied: the inbox does not read it.
     */
    private static int copyTasks(JdbcClient jdbc, int open, int target) {
        int copies = (target - open + TEMPLATE - 1) / TEMPLATE;
        int from = open / TEMPLATE;
        String templateExecutions = "SELECT e.ID_ FROM ACT_RU_EXECUTION e JOIN ACT_RE_PROCDEF d ON d.ID_ = e.PROC_DEF_ID_ "
                + "WHERE d.KEY_ LIKE '" + PROCESS + "-%' AND e.ID_ NOT LIKE '%-c%'";
        String templateTasks = "SELECT t.ID_ FROM ACT_RU_TASK t WHERE t.PROC_INST_ID_ IN (" + templateExecutions + ")";
        copy(jdbc, "act_ru_execution", "ID_ IN (" + templateExecutions + ")", from, copies);
        copy(jdbc, "act_ru_task", "ID_ IN (" + templateTasks + ")", from, copies);
        copy(jdbc, "act_ru_identitylink", "TASK_ID_ IN (" + templateTasks + ")", from, copies);
        copy(jdbc, "act_ru_authorization", "RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ IN (" + templateTasks + ")", from, copies);
        copy(jdbc, "act_ru_variable", "EXECUTION_ID_ IN (" + templateExecutions + ")", from, copies);
        return open + copies * TEMPLATE;
    }

    private static final Set<String> ID_COLUMNS = Set.of("id_", "proc_inst_id_", "execution_id_", "parent_id_",
            "root_proc_inst_id_", "task_id_", "var_scope_", "act_inst_id_", "business_key_", "resource_id_");

    private static void copy(JdbcClient jdbc, String table, String template, int from, int copies) {
        List<String> columns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                + "ORDER BY ordinal_position").param(table).query(String.class).list();
        String values = columns.stream().map(column -> ID_COLUMNS.contains(column)
                ? "CASE WHEN " + column + " IS NULL THEN NULL ELSE " + column + " || '-c' || k END"
                : column.equals("due_date_") ? "due_date_ + make_interval(mins => (k * 13) % 1440)" : column)
                .collect(Collectors.joining(", "));
        jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + values + " FROM " + table
                + " CROSS JOIN generate_series(" + (from + 1) + ", " + (from + copies) + ") AS c(k) WHERE " + template)
                .update();
    }

    private static List<String> measure(ProcessEngine engine, ProcessEngineConfigurationImpl configuration,
            JdbcClient jdbc, String filterId, int open, List<Variant> variants, Map<String, List<Double>> p50s) {
        FilterService filters = engine.getFilterService();
        IdentityService identity = engine.getIdentityService();
        Map<Variant, List<Double>> pages = new LinkedHashMap<>();
        Map<Variant, List<Double>> counts = new LinkedHashMap<>();
        variants.forEach(variant -> {
            pages.put(variant, new ArrayList<>());
            counts.put(variant, new ArrayList<>());
        });
        long visible = 0;
        double load = BenchmarkReport.load();
        Set<Variant> timedOut = TIMED_OUT;
        Set<Variant> slow = new java.util.HashSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Variant variant : variants) {
                if (timedOut.contains(variant)) {
                    continue;
                }
                apply(variant, configuration, jdbc);
                int reads = slow.contains(variant) ? 1 : WARM_UP + RUNS / ROUNDS;
                for (int run = 0; run < reads; run++) {
                    identity.setAuthentication("agent", List.of(Groups.AGENTS));
                    try {
                        long start = System.nanoTime();
                        List<Task> page = filters.listPage(filterId, 0, 50);
                        long middle = System.nanoTime();
                        visible = filters.count(filterId);
                        long end = System.nanoTime();
                        if (page.size() != Math.min(50, visible) || visible != expectedVisible(open)) {
                            throw new IllegalStateException("the agent sees " + visible + " tasks, a page of "
                                    + page.size() + "; expected " + expectedVisible(open));
                        }
                        if (run >= WARM_UP || slow.contains(variant)) {
                            pages.get(variant).add((middle - start) / 1e6);
                            counts.get(variant).add((end - middle) / 1e6);
                        } else if (end - start > SLOW_NANOS) {
                            slow.add(variant);
                            pages.get(variant).add((middle - start) / 1e6);
                            counts.get(variant).add((end - middle) / 1e6);
                            break;
                        }
                    } catch (RuntimeException e) {
                        if (!timedOut(e)) {
                            throw e;
                        }
                        timedOut.add(variant);
                        break;
                    } finally {
                        identity.clearAuthentication();
                    }
                }
            }
        }
        List<String> rows = new ArrayList<>();
        for (Variant variant : variants) {
            if (timedOut.contains(variant) || pages.get(variant).isEmpty()) {
                p50s.computeIfAbsent(variant.name(), name -> new ArrayList<>()).add(Double.NaN);
                rows.add("| %,d | %,d | %s | > %d s (statement timeout) | | | %.1f |".formatted(open,
                        expectedVisible(open), variant.name(), STATEMENT_TIMEOUT_S, load));
                continue;
            }
            double p50 = BenchmarkReport.median(pages.get(variant));
            p50s.computeIfAbsent(variant.name(), name -> new ArrayList<>()).add(p50);
            rows.add("| %,d | %,d | %s | %.1f | %.1f | %.1f | %.1f |".formatted(open, visible, variant.name(), p50,
                    BenchmarkReport.percentile(pages.get(variant), 95), BenchmarkReport.median(counts.get(variant)), load));
        }
        return rows;
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("statement timeout")) {
                return true;
            }
        }
        return false;
    }

    /** With -Dinbox.sql=true: the SQL (and parameters) of one page and count per variant, in the log. */
    private static void logQueries(ProcessEngine engine, ProcessEngineConfigurationImpl configuration, JdbcClient jdbc,
            String filterId, List<Variant> variants) {
        LoggingSystem.get(InboxBenchmark.class.getClassLoader())
                .setLogLevel("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity", LogLevel.DEBUG);
        for (Variant variant : variants) {
            apply(variant, configuration, jdbc);
            System.out.println("SQL of variant " + variant.name() + ":");
            engine.getIdentityService().setAuthentication("agent", List.of(Groups.AGENTS));
            try {
                engine.getFilterService().listPage(filterId, 0, 50);
                engine.getFilterService().count(filterId);
            } catch (RuntimeException e) {
                System.out.println("  " + (timedOut(e) ? "statement timeout" : e));
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        }
    }

    /** Tasks go to the five groups in turn, {@value #PER_START} at a time; the agent's group is the first. */
    private static long expectedVisible(int open) {
        long visible = 0;
        for (int first = 0; first < open; first += PER_START) {
            if ((first / PER_START) % Groups.TASK_WORKERS.size() == 0) {
                visible += Math.min(PER_START, open - first);
            }
        }
        return visible;
    }

    /**
     * The engine setting is switched on the running engine (the task query reads it each time);
     * the tried index is created or dropped.
     */
    private static void apply(Variant variant, ProcessEngineConfigurationImpl configuration, JdbcClient jdbc) {
        configuration.setAuthorizationCheckRevokes(variant.authorizationCheckRevokes());
        jdbc.sql(variant.index() ? TRIED_INDEX : "DROP INDEX IF EXISTS " + TRIED_INDEX_NAME).update();
        jdbc.sql("ANALYZE").update();
    }

    private InboxBenchmark() {
    }
}
