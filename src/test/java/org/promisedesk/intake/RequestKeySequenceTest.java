package org.promisedesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.EngineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Request keys: their form, the year in Asia/Shanghai by the engine's clock, no duplicate under
 * concurrent transactions — on the application's H2 and on the local PostgreSQL (127.0.0.1:5432,
 * as in platform.PostgresProfileTest), where two sequences on pools of their own stand for two nodes.
 */
@EngineTest
class RequestKeySequenceTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final int THREADS = 8;
    private static final int KEYS_PER_THREAD = 200;

    @Autowired
    RequestKeySequence keys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldGiveKeysOfTheCurrentYearCountingUp() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2081-06-01T04:00:00Z")));

        String first = keys.next();
        String second = keys.next();

        assertThat(first).matches("REQ-2081-\\d{6}");
        assertThat(number(second)).isEqualTo(number(first) + 1);
        assertThat(keys.isValid(first)).isTrue();
    }

    @Test
    void shouldStartAtOneInANewYearOfShanghaiTime() {
        // 2082-12-31 23:59:59 in Shanghai is still 2082; one second later it is 2083 there, not yet in UTC
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2082-12-31T15:59:59Z")));
        String lastOfYear = keys.next();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2082-12-31T16:00:00Z")));
        String firstOfNext = keys.next();
        String secondOfNext = keys.next();

        assertThat(lastOfYear).isEqualTo("REQ-2082-000001");
        assertThat(firstOfNext).isEqualTo("REQ-2083-000001");
        assertThat(secondOfNext).isEqualTo("REQ-2083-000002");
    }

    @Test
    void shouldTellAKeyFromOtherText() {
        assertThat(keys.isValid("REQ-2026-000123")).isTrue();
        assertThat(keys.isValid("REQ-2026-123")).isFalse();
        assertThat(keys.isValid("req-2026-000123")).isFalse();
        assertThat(keys.isValid("REQ-2026-000123 ")).isFalse();
        assertThat(keys.isValid(null)).isFalse();
    }

    @Test
    void shouldNeverGiveAKeyTwiceToConcurrentTransactions() throws Exception {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2084-03-01T02:00:00Z")));

        Collection<String> taken = takeConcurrently(List.of(keys::next));

        assertThat(taken).hasSize(THREADS * KEYS_PER_THREAD).doesNotHaveDuplicates()
                .allMatch(key -> key.startsWith("REQ-2084-"));
        assertThat(jdbc.sql("SELECT last_number FROM request_key_counter WHERE key_year = 2084")
                .query(Long.class).single()).isEqualTo(THREADS * KEYS_PER_THREAD);
    }

    @Test
    void shouldLeaveAGapNotADuplicateWhenTheCallerRollsBack() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2085-03-01T02:00:00Z")));
        TransactionTemplate caller = new TransactionTemplate(transactionManager);

        String rolledBack = caller.execute(status -> {
            String key = keys.next();
            status.setRollbackOnly();
            return key;
        });
        String next = keys.next();

        assertThat(rolledBack).isEqualTo("REQ-2085-000001");
        assertThat(next).isEqualTo("REQ-2085-000002");
    }

    @Test
    void shouldNeverGiveAKeyTwiceOnPostgresAcrossTwoNodes() throws Exception {
        String database = "promisedesk_keys_" + UUID.randomUUID().toString().replace("-", "");
        admin("CREATE DATABASE " + database);
        try (HikariDataSource nodeA = pool(SERVER + database); HikariDataSource nodeB = pool(SERVER + database)) {
            Flyway.configure().dataSource(nodeA).locations("classpath:db/migration").outOfOrder(true)
                    .table("promise_desk_schema_history").load().migrate();
            RequestKeySequence a = sequence(nodeA);
            RequestKeySequence b = sequence(nodeB);
            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-31T15:59:00Z")));

            Collection<String> taken = takeConcurrently(List.of(a::next, b::next));

            assertThat(taken).hasSize(THREADS * KEYS_PER_THREAD).doesNotHaveDuplicates()
                    .allMatch(key -> key.startsWith("REQ-2026-"));
            assertThat(taken).contains("REQ-2026-000001", String.format("REQ-2026-%06d", THREADS * KEYS_PER_THREAD));

            ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-31T16:00:00Z")));
            assertThat(b.next()).isEqualTo("REQ-2027-000001");
            assertThat(a.next()).isEqualTo("REQ-2027-000002");
        } finally {
            admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** THREADS threads, all starting at once, each taking KEYS_PER_THREAD keys from one of the sources. */
    private static Collection<String> takeConcurrently(List<Supplier<String>> sources) throws Exception {
        Set<String> taken = ConcurrentHashMap.newKeySet();
        List<String> all = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Supplier<String> source = sources.get(t % sources.size());
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < KEYS_PER_THREAD; i++) {
                        String key = source.get();
                        taken.add(key);
                        all.add(key);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(taken).hasSameSizeAs(all);
        return all;
    }

    private static RequestKeySequence sequence(HikariDataSource dataSource) {
        return new RequestKeySequence(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource));
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("postgres");
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(THREADS);
        return dataSource;
    }

    private static void admin(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute(sql);
        }
    }

    private static long number(String key) {
        return Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
    }
}
