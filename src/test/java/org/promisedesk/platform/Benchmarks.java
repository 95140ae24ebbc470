package org.promisedesk.platform;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.promisedesk.fault.RequestCostBenchmark;

/**
 * The one command for the benchmarks of docs/benchmarks.md: B1 request cost, B2 inbox, B4
 * start-up, B5 engine tuning (B3, the renewal scan, has its own command there). Each writes its figures into its
 * own block of docs/benchmarks.md, replacing the last run's. Not a unit test:
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.promisedesk.platform.Benchmarks -Dexec.args="b1 b2 b4 b5"
 * </pre>
 *
 * Name fewer to run fewer. Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust
 * authentication); it drops and creates the database {@code bench}.
 */
public final class Benchmarks {

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("b1", "b2", "b4", "b5") : Arrays.asList(args);
        Path document = Path.of("docs/benchmarks.md");
        try {
            for (String benchmark : which) {
                BenchmarkReport report = switch (benchmark.toLowerCase()) {
                    case "b1" -> RequestCostBenchmark.run(List.of("h2", "postgres"), 20, "");
                    case "b2" -> InboxBenchmark.run(new int[] {1000, 10000, 100000}, false);
                    case "b4" -> StartupBenchmark.run(3);
                    case "b5" -> TuningBenchmark.run(200, 3);
                    default -> throw new IllegalArgumentException("no benchmark " + benchmark + " (b1, b2, b4, b5)");
                };
                report.writeTo(document);
            }
        } catch (Exception | Error e) {
            // B1's test DNS and web servers keep the JVM alive: end it here.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private Benchmarks() {
    }
}
