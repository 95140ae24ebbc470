package org.promisedesk.platform;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A cluster node in a JVM of its own (the test's classpath, {@code PromiseDeskApplication}), so that
 * it can be killed as {@code kill -9} kills it: {@link #kill} is {@code destroyForcibly}, no shutdown
 * hook runs, nothing is committed or unlocked on the way out. Its output goes to a log file.
 */
final class ClusterNodeProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    final Path log;
    /** Where this run's output begins in the log, which every run of the node appends to. */
    private final long logStart;

    private ClusterNodeProcess(Process process, int port, Path log, long logStart) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.logStart = logStart;
    }

    static ClusterNodeProcess start(String name, int port, List<String> properties, Path log) throws IOException {
        return start(name, port, properties, log, Path.of("."));
    }

    /** The same, run in {@code workingDirectory}: where the default H2 file ({@code ./data}) is kept. */
    static ClusterNodeProcess start(String name, int port, List<String> properties, Path log, Path workingDirectory)
            throws IOException {
        // Each entry once: a folder listed twice would make the models appear twice on the classpath.
        String classpath = Arrays.stream(System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
                .distinct().collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath,
                "org.promisedesk.PromiseDeskApplication"));
        properties.forEach(property -> command.add("--" + property));
        command.add("--camunda.bpm.process-engine-name=" + name);
        command.add("--server.port=" + port);
        Files.createDirectories(log.getParent());
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).directory(workingDirectory.toFile()).start();
        return new ClusterNodeProcess(process, port, log, logStart);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until the node answers HTTP (a 404 for a request that does not exist) and logs that it
     * is ready ({@link ReadyLog}): Tomcat answers, and Spring Boot logs "Started", before the
     * start-up's own work is done, which can still fail.
     * Throws {@link Exited} when the node ended instead.
     */
    void awaitStarted(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/requests/REQ-2026-999999"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("agent:agent".getBytes()))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new Exited("node exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 404 && startedInLog()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("node did not start within " + timeout + ", see " + log);
    }

    /** The node ended during its start (e.g. its database went away meanwhile). */
    static final class Exited extends IllegalStateException {
        Exited(String message) {
            super(message);
        }
    }

    private boolean startedInLog() throws IOException {
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            file.seek(logStart);
            byte[] since = new byte[(int) Math.min(Integer.MAX_VALUE, file.length() - logStart)];
            file.readFully(since);
            return new String(since, java.nio.charset.StandardCharsets.UTF_8).contains(ReadyLog.READY);
        }
    }

    /** {@code kill -9}: the JVM ends at once. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
