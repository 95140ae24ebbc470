package org.promisedesk.intake;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.promisedesk.platform.Digests;
import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code POST /api/requests} with an {@code Idempotency-Key}: the first call opens the request and
 * records the key in the same transaction (table {@code request_idempotency}); the same call sent
 * again — after a timeout, or twice at once — gets that request back and opens nothing. The same
 * key with another body is refused ({@link KeyReused}), so a client's mistake cannot hide a new
 * request behind an old one.
 */
@Component
class IdempotentOpenings {

    private static final Logger log = LoggerFactory.getLogger(IdempotentOpenings.class);
    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final String KEY_RULE = "must be 1 to 100 letters, digits or . _ : -";
    /** How long a call that lost the race waits for the winner's commit (the winner sends e-mail later). */
    private static final int WAIT_FOR_WINNER_MILLIS = 10_000;

    record Opening(String requestKey, boolean isNew) {
    }

    /** The key was used before, by the same user, with another body. */
    static class KeyReused extends RuntimeException {
        KeyReused(String key, String requestKey) {
            super(HEADER + " '" + key + "' was used for request " + requestKey + " with another body;"
                    + " a new request needs a new key");
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    IdempotentOpenings(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Adds a problem when {@code key} is no Idempotency-Key, so it is named with the body's problems. */
    void checkKey(String key, Problems problems) {
        if (!KEY.matcher(key).matches()) {
            problems.add(HEADER, KEY_RULE);
        }
    }

    Opening open(String user, String key, String body, Supplier<String> openRequest) {
        if (!KEY.matcher(key).matches()) {
            throw new InvalidParameter(HEADER, KEY_RULE);
        }
        String digest = Digests.sha256Hex(body.getBytes(StandardCharsets.UTF_8));
        Optional<Opening> earlier = earlier(user, key, digest);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return transaction.execute(status -> {
                String requestKey = openRequest.get();
                jdbc.sql("INSERT INTO request_idempotency (opened_by, idempotency_key, body_digest, request_key,"
                        + " created_at) VALUES (?, ?, ?, ?, ?)").params(user, key, digest, requestKey,
                                new Timestamp(ClockUtil.getCurrentTime().getTime())).update();
                return new Opening(requestKey, true);
            });
        } catch (DataAccessException lostTheRace) {
            // The same call at the same moment inserted the key first; this one rolled back, start and all.
            Opening winner = awaitWinner(user, key, digest).orElseThrow(() -> lostTheRace);
            log.info("{} '{}' of {} sent twice at once: answered with request {}, nothing else opened", HEADER, key,
                    user, winner.requestKey());
            return winner;
        }
    }

    private Optional<Opening> awaitWinner(String user, String key, String digest) {
        long deadline = System.currentTimeMillis() + WAIT_FOR_WINNER_MILLIS;
        Optional<Opening> winner = earlier(user, key, digest);
        while (winner.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            winner = earlier(user, key, digest);
        }
        return winner;
    }

    private Optional<Opening> earlier(String user, String key, String digest) {
        return jdbc.sql("SELECT body_digest, request_key FROM request_idempotency WHERE opened_by = ?"
                + " AND idempotency_key = ?").params(user, key).query((row, n) -> {
                    if (!row.getString("body_digest").equals(digest)) {
                        throw new KeyReused(key, row.getString("request_key"));
                    }
                    return new Opening(row.getString("request_key"), false);
                }).optional();
    }
}
