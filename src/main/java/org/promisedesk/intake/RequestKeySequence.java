package org.promisedesk.intake;

import java.time.Year;
import java.time.ZoneId;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Request keys: {@code REQ-<year>-<6 digits>}, the year in Asia/Shanghai by the engine's clock, the
 * number counted per year in the table {@code request_key_counter} (V50). Each key is taken in a
 * transaction of its own ({@code REQUIRES_NEW}), committed before the caller goes on: the row lock is
 * held only for that moment, and several nodes sharing the database never hand out a key twice. A
 * caller that rolls back leaves a gap in the numbers, never a duplicate.
 *
 * <p>{@link #nextInCallersTransaction()} counts in the caller's transaction instead: rolled back
 * with it, the number is taken again by the next caller, so no key is burned. The row lock is then
 * held until the caller commits; inbound e-mail uses it, whose opening may roll back with its record.
 */
@Component
public class RequestKeySequence {

    /** The zone whose calendar year a key carries. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern KEY = Pattern.compile("REQ-\\d{4}-\\d{6}");
    private static final long MAX_NUMBER = 999_999;
    private static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate callersTransaction;

    RequestKeySequence(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.callersTransaction = new TransactionTemplate(transactionManager);
        this.callersTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRED);
    }

    /** The next request key of the current year, e.g. {@code REQ-2026-000123}. */
    public String next() {
        int year = Year.from(ClockUtil.getCurrentTime().toInstant().atZone(ZONE)).getValue();
        return key(year, nextNumber(year));
    }

    /**
     * The next request key, counted in the caller's transaction (or in one of its own when there is
     * none): when it rolls back, so does the count. Only the year's first row is inserted in a transaction of its own, so
     * that a race for it cannot break the caller's transaction.
     */
    public String nextInCallersTransaction() {
        int year = Year.from(ClockUtil.getCurrentTime().toInstant().atZone(ZONE)).getValue();
        Long number = callersTransaction.execute(status -> {
            int updated = jdbc.sql("UPDATE request_key_counter SET last_number = last_number + 1 WHERE key_year = ?")
                    .param(year).update();
            return updated == 0 ? null : jdbc.sql("SELECT last_number FROM request_key_counter WHERE key_year = ?")
                    .param(year).query(Long.class).single();
        });
        return number != null ? key(year, number) : key(year, nextNumber(year));
    }

    private static String key(int year, long number) {
        if (number > MAX_NUMBER) {
            throw new IllegalStateException("All request keys of " + year + " are used up");
        }
        return String.format("REQ-%04d-%06d", year, number);
    }

    /** Whether the text has the form of a request key ({@code REQ-2026-000123}); not whether it exists. */
    public boolean isValid(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    private long nextNumber(int year) {
        for (int attempt = 1; ; attempt++) {
            try {
                Long number = ownTransaction.execute(status -> increment(year));
                if (number != null) {
                    return number;
                }
            } catch (DuplicateKeyException raced) {
                // another transaction inserted the year's row first: count on it
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    /** In its own transaction: the next number, inserting the year's row on its first use. */
    private Long increment(int year) {
        int updated = jdbc.sql("UPDATE request_key_counter SET last_number = last_number + 1 WHERE key_year = ?")
                .param(year).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO request_key_counter (key_year, last_number) VALUES (?, 1)").param(year).update();
            return 1L;
        }
        return jdbc.sql("SELECT last_number FROM request_key_counter WHERE key_year = ?").param(year)
                .query(Long.class).single();
    }
}
