package org.promisedesk.platform;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.promisedesk.PromiseDeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.util.FileSystemUtils;

/**
 * B4: time to ready of Promise Desk against a bare Camunda starter application
 * ({@link BareCamundaStarter}) on the same class path, side by side in one run. Not a unit test;
 * run it by hand (docs/benchmarks.md):
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.promisedesk.platform.StartupBenchmark -Dexec.args="3"
 * </pre>
 *
 * Each start is a fresh JVM (class loading and JIT are most of a start-up), on an H2 file database
 * under /tmp, on a free port, job executor on, default profile (no demo data), alternating app and
 * bare. "Ready" is Spring Boot's {@code ApplicationReadyEvent}: web server up, every
 * {@code ApplicationRunner} done (for Promise Desk: Flyway, model deployment, groups, filters). The
 * time is measured by this process from launching {@code java} to the child's line saying so; each
 * is measured on an empty database (engine schema created, models deployed) and then on a restart
 * of the same database.
 */
public final class StartupBenchmark {

    static final String COMMAND = "mvn -q -B test-compile exec:java -Dexec.classpathScope=test "
            + "-Dexec.mainClass=org.promisedesk.platform.StartupBenchmark -Dexec.args=\"%d\"";
    private static final String READY = "READY ";

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], args[2]);
            return;
        }
        BenchmarkReport report = run(args.length > 0 ? Integer.parseInt(args[0]) : 3);
        report.writeTo(Path.of("docs/benchmarks.md"));
        System.exit(0);
    }

    public static BenchmarkReport run(int repeats) throws Exception {
        BenchmarkReport report = new BenchmarkReport("B4", "B4 start-up, H2 file", COMMAND.formatted(repeats));
        String classPath = classPath();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        List<Double> loads = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            for (String kind : List.of("app", "bare")) {
                Path dir = Files.createTempDirectory("startup-bench-");
                try {
                    String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
                    loads.add(BenchmarkReport.load());
                    times.computeIfAbsent(kind + " empty", k -> new ArrayList<>()).add(start(classPath, kind, url));
                    times.computeIfAbsent(kind + " restart", k -> new ArrayList<>()).add(start(classPath, kind, url));
                    System.out.println(times);
                } finally {
                    FileSystemUtils.deleteRecursively(dir);
                }
            }
        }
        report.line("| start | app median s | bare median s | ratio | app runs s | bare runs s |");
        report.line("|---|---|---|---|---|---|");
        for (String when : List.of("empty", "restart")) {
            List<Double> app = times.get("app " + when);
            List<Double> bare = times.get("bare " + when);
            report.line("| %s database | %.1f | %.1f | **%.2f** | %s | %s |".formatted(when, BenchmarkReport.median(app),
                    BenchmarkReport.median(bare), BenchmarkReport.median(app) / BenchmarkReport.median(bare),
                    seconds(app), seconds(bare)));
        }
        report.line("");
        report.line("Load average at each pair's start: " + loads.stream().map("%.1f"::formatted)
                .collect(Collectors.joining(", ")) + ".");
        return report;
    }

    /** Seconds from launching the JVM until it reports ready; the child is then stopped. */
    private static double start(String classPath, String kind, String url) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(java, "-cp", classPath, StartupBenchmark.class.getName(), "child", kind, url)
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(READY)) {
                    double seconds = (System.nanoTime() - begin) / 1e9;
                    System.out.printf("%s %s: %.1f s (%s)%n", kind, url, seconds, line);
                    process.waitFor(300, TimeUnit.SECONDS);
                    return seconds;
                }
                output.add(line);
            }
        } finally {
            process.destroyForcibly();
        }
        output.subList(0, Math.max(0, output.size() - 40)).clear();
        throw new IllegalStateException(kind + " did not start: exit " + process.waitFor() + "\n" + String.join("\n", output));
    }

    /** In the child JVM: start one of the two, say when it is ready, and stop. */
    private static void child(String kind, String url) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.org.promisedesk=WARN"));
        SpringApplicationBuilder builder;
        if (kind.equals("app")) {
            builder = new SpringApplicationBuilder(PromiseDeskApplication.class);
        } else {
            builder = new SpringApplicationBuilder(BareCamundaStarter.class);
            args.addAll(List.of("--spring.config.name=bare-camunda-starter", "--spring.datasource.username=sa",
                    "--spring.flyway.enabled=false", "--camunda.bpm.auto-deployment-enabled=false"));
        }
        var context = builder.listeners(event -> {
            if (event instanceof ApplicationReadyEvent) {
                System.out.println(READY + "jvm uptime " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
                System.out.flush();
            }
        }).run(args.toArray(String[]::new));
        context.close();
        System.exit(0);
    }

    /** The class path exec:java gave this JVM (its class loader's URLs), for the child JVMs. */
    private static String classPath() throws URISyntaxException {
        ClassLoader loader = StartupBenchmark.class.getClassLoader();
        if (loader instanceof URLClassLoader urls) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                entries.add(Path.of(url.toURI()).toString());
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static String seconds(List<Double> values) {
        return values.stream().map("%.1f"::formatted).collect(Collectors.joining(", "));
    }

    private StartupBenchmark() {
    }
}
