package org.promisedesk.renewal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.promisedesk.platform.StandaloneApp;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * B3: the renewal scan over 10k, 100k and 1M services with the number due held fixed. Not a unit
 * test; run it by hand (docs/benchmarks.md):
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.promisedesk.renewal.RenewalScanBenchmark -Dexec.args="h2,postgres 10000,100000,1000000 500"
 * </pre>
 *
 * For each database and size: a fresh database (an H2 file under /tmp, or a PostgreSQL database on
 * 127.0.0.1:5432 created and dropped), the application started on it, the services bulk-loaded with
 * SQL, and then, in this thread, with time and heap allocated measured:
 * <ol>
 * <li><b>find</b> — the scan's keyset pages alone, before any renewal exists (median of 3);</li>
 * <li><b>scan</b> — the daily timer job: one renewal started per due service;</li>
 * <li><b>rescan</b> — the timer job again: every due service has its renewal, nothing starts (median of 3).</li>
 * </ol>
 * Allocated bytes are those of this thread (with H2, the embedded database's work is in them);
 * "load avg" is the machine's one-minute load average when the scan started.
 */
public final class RenewalScanBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2030, 1, 15);
    private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final int CUSTOMERS = 1000;

    record Measurement(long millis, long allocatedBytes, int count) {
    }

    public static void main(String[] args) throws Exception {
        List<String> databases = Arrays.asList((args.length > 0 ? args[0] : "h2").split(","));
        int[] sizes = Arrays.stream((args.length > 1 ? args[1] : "10000,100000,1000000").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int due = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        List<String> rows = new ArrayList<>();
        for (String database : databases) {
            for (int size : sizes) {
                rows.add(run(database, size, due));
                System.out.println("| database | services | due | load s | find ms | find alloc MB | scan ms | scan alloc MB "
                        + "| started | rescan ms | rescan alloc MB | load avg |");
                rows.forEach(System.out::println);
            }
        }
        System.exit(0);
    }

    private static String run(String database, int size, int due) throws Exception {
        boolean postgres = database.equals("postgres");
        String name = "promisedesk_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path h2Dir = Path.of("/tmp/renewal-bench", name);
        String url = postgres ? PG_SERVER + name : "jdbc:h2:file:" + h2Dir.resolve("promise-desk") + ";DB_CLOSE_ON_EXIT=FALSE";
        if (postgres) {
            admin("CREATE DATABASE " + name);
        }
        try (ConfigurableApplicationContext app = StandaloneApp.withDatabase(url)
                .profiles(postgres ? "postgres" : "benchmark")
                .property("logging.level.org.promisedesk", "WARN")
                .property("logging.level.org.camunda", "WARN")
                .start()) {
            ClockUtil.setCurrentTime(Date.from(TODAY.atTime(LocalTime.of(6, 0)).atZone(
                    app.getBean(RenewalSettings.class).timeZone()).toInstant()));
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long loadStart = System.nanoTime();
            load(jdbc, size, due, postgres);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            Renewals renewals = app.getBean(Renewals.class);
            RenewalPlan plan = app.getBean(RenewalPlan.class);
            int pageSize = app.getBean(RenewalSettings.class).scanPageSize();
            Measurement find = median(() -> measure(() -> findAll(renewals, plan, pageSize)));
            ManagementService jobs = app.getBean(ProcessEngine.class).getManagementService();
            double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            Measurement scan = measure(() -> scanJob(jobs, jdbc));
            Measurement rescan = median(() -> measure(() -> scanJob(jobs, jdbc)));
            if (find.count() != due || scan.count() != due || rescan.count() != 0) {
                throw new IllegalStateException("expected " + due + " due, " + due + " renewals, then none: " + find
                        + ", " + scan + ", " + rescan);
            }
            return "| %s | %,d | %d | %.1f | %d | %.1f | %d | %.1f | %d | %d | %.1f | %.1f |".formatted(
                    postgres ? "PostgreSQL 15" : "H2 file", size, due, loadSeconds, find.millis(), mb(find),
                    scan.millis(), mb(scan), scan.count(), rescan.millis(), mb(rescan), loadAverage);
        } finally {
            ClockUtil.reset();
            if (postgres) {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } else {
                deleteTree(h2Dir);
            }
        }
    }

    /**
     * {@code size} services of {@value #CUSTOMERS} customers: {@code due} expiring within the next
     * 30 days, a third of the rest expired long ago, the others expiring 31 days to 3 years ahead.
     */
    private static void load(JdbcClient jdbc, int size, int due, boolean postgres) {
        String range = postgres ? "generate_series(1, %d) AS r(x)" : "SYSTEM_RANGE(1, %d) r";
        String x = postgres ? "r.x" : "r.X";
        jdbc.sql(("INSERT INTO customer (name, kind, email, preferred_language, service_profile) "
                + "SELECT 'Bench customer ' || " + x + ", 'INDIVIDUAL', 'bench-' || " + x + " || '@bench.example', 'en', "
                + "'SELF_RELIANT' FROM " + range).formatted(CUSTOMERS)).update();
        long firstCustomer = jdbc.sql("SELECT MIN(id) FROM customer").query(Long.class).single();
        String today = "DATE '" + TODAY + "'";
        String expiry = """
                CASE WHEN %1$s <= %2$d THEN %3$s + MOD(%1$s, 30)
                     WHEN MOD(%1$s, 3) = 0 THEN %3$s - 31 - MOD(%1$s, 2000)
                     ELSE %3$s + 31 + MOD(%1$s, 1100) END""".formatted(x, due, today);
        String state = "CASE WHEN %1$s > %2$d AND MOD(%1$s, 3) = 0 THEN 'EXPIRED' ELSE 'ACTIVE' END".formatted(x, due);
        jdbc.sql(("INSERT INTO subscription (customer_id, type, domain, plan, monthly_price, start_date, expiry_date, state) "
                + "SELECT " + firstCustomer + " + MOD(" + x + ", " + CUSTOMERS + "), 'CLOUD_VM', 'b' || " + x
                + " || '.bench.example', 'Cloud VM 2 vCPU / 4 GB', 210.00, DATE '2020-01-01', " + expiry + ", " + state
                + " FROM " + range).formatted(size)).update();
        jdbc.sql("ANALYZE").update();
    }

    /** What the scan reads: every page of due services, without starting anything. */
    private static int findAll(Renewals renewals, RenewalPlan plan, int pageSize) {
        int found = 0;
        Renewals.DueService last = null;
        List<Renewals.DueService> page;
        do {
            page = renewals.duePage(plan.scanFrom(TODAY), plan.scanUntil(TODAY), last, pageSize);
            found += page.size();
            last = page.isEmpty() ? last : page.get(page.size() - 1);
        } while (page.size() == pageSize);
        return found;
    }

    /** The daily timer job of renewal-scan, executed here as the job executor would at 06:00. */
    private static int scanJob(ManagementService jobs, JdbcClient jdbc) {
        long before = jdbc.sql("SELECT COUNT(*) FROM renewal").query(Long.class).single();
        Job timer = jobs.createJobQuery().processDefinitionKey(RenewalScanProcess.PROCESS_ID).timers().singleResult();
        jobs.executeJob(timer.getId());
        return (int) (jdbc.sql("SELECT COUNT(*) FROM renewal").query(Long.class).single() - before);
    }

    private interface Work {
        int run();
    }

    private interface Run {
        Measurement get();
    }

    private static Measurement measure(Work work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocated = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        int started = work.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Measurement(millis, threads.getThreadAllocatedBytes(thread) - allocated, started);
    }

    private static Measurement median(Run run) {
        List<Measurement> runs = new ArrayList<>(List.of(run.get(), run.get(), run.get()));
        runs.sort(Comparator.comparingLong(Measurement::millis));
        return runs.get(1);
    }

    private static double mb(Measurement measurement) {
        return measurement.allocatedBytes() / 1024.0 / 1024.0;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(PG_SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute(sql);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private RenewalScanBenchmark() {
    }
}
