package org.promisedesk.platform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the cluster test restarts its PostgreSQL server, or why it cannot. The server is restarted
 * only when it is on this machine and the test may do it: {@code CLUSTER_POSTGRES_RESTART} names
 * the command ({@code none}: do not restart), otherwise Debian's {@code pg_ctlcluster} of the one
 * installed cluster when the test runs as root.
 */
final class PostgresRestart {

    private static final String VARIABLE = "CLUSTER_POSTGRES_RESTART";

    private PostgresRestart() {
    }

    /** The command, or null when there is none (see {@link #whyNot}). */
    static String command(String jdbcServer) {
        String given = System.getenv(VARIABLE);
        if (given != null && !given.isBlank()) {
            return given.strip().equals("none") ? null : given;
        }
        if (!onThisMachine(jdbcServer) || !"root".equals(System.getProperty("user.name"))
                || !onPath("pg_ctlcluster")) {
            return null;
        }
        List<String> versions = installedVersions();
        return versions.size() == 1
                ? "pg_ctlcluster --skip-systemctl-redirect " + versions.get(0) + " main restart" : null;
    }

    /** Why {@link #command} found none, for the test's report. */
    static String whyNot(String jdbcServer) {
        String given = System.getenv(VARIABLE);
        if (given != null && given.strip().equals("none")) {
            return VARIABLE + "=none";
        }
        if (!onThisMachine(jdbcServer)) {
            return "the server " + jdbcServer + " is not on this machine";
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "not root, and " + VARIABLE + " names no command";
        }
        if (!onPath("pg_ctlcluster")) {
            return "no pg_ctlcluster, and " + VARIABLE + " names no command";
        }
        return "not exactly one cluster in /etc/postgresql " + installedVersions();
    }

    private static boolean onThisMachine(String jdbcServer) {
        return jdbcServer.contains("//127.0.0.1") || jdbcServer.contains("//localhost");
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
    }

    private static List<String> installedVersions() {
        try (Stream<Path> folders = Files.list(Path.of("/etc/postgresql"))) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
