package org.promisedesk.customer;

import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customer table. */
@Repository
public class Customers {

    private static final String SELECT = """
            SELECT id, name, kind, email, phone, im_handle, preferred_language, service_profile,
                   account_manager
            FROM customer
            """;

    private static final String MATCHES_TEXT = " WHERE LOWER(name) LIKE :text" + LikePattern.ESCAPE
            + " OR email LIKE :text" + LikePattern.ESCAPE
            + " OR LOWER(im_handle) LIKE :text" + LikePattern.ESCAPE;

    private static final String OR_MATCHES_PHONE = " OR phone LIKE :phone" + LikePattern.ESCAPE;

    private final JdbcClient jdbc;

    Customers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Customer> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Customers::map).optional();
    }

    /** Case-insensitive. */
    public Optional<Customer> findByEmail(String email) {
        return jdbc.sql(SELECT + " WHERE email = :email")
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .query(Customers::map)
                .optional();
    }

    /** Ignores spaces, dashes and parentheses in the number; the country code must be given. */
    public Optional<Customer> findByPhone(String phone) {
        return jdbc.sql(SELECT + " WHERE phone = :phone")
                .param("phone", compactPhone(phone))
                .query(Customers::map)
                .optional();
    }

    /** Exact match, including the network prefix ({@code wx:}, {@code qq:}, ...). */
    public Optional<Customer> findByImHandle(String imHandle) {
        return jdbc.sql(SELECT + " WHERE im_handle = :handle")
                .param("handle", imHandle.strip())
                .query(Customers::map)
                .optional();
    }

    /**
     * Customers whose name, e-mail, phone or IM handle contains {@code text} (case-insensitive,
     * {@code %} and {@code _} taken literally), ordered by id; all customers when text is blank.
     */
    public Page<Customer> search(String text, Paging paging) {
        String where = "";
        Map<String, Object> params = new HashMap<>();
        if (text != null && !text.isBlank()) {
            where = MATCHES_TEXT;
            params.put("text", LikePattern.contains(text.strip()));
            // Phones are stored without spaces; "138 0000" should still find +8613800000007.
            String phone = compactPhone(text);
            if (!phone.isEmpty()) {
                where += OR_MATCHES_PHONE;
                params.put("phone", LikePattern.contains(phone));
            }
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM customer" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Customer> items = jdbc.sql(SELECT + where + " ORDER BY id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(Customers::map)
                .list();
        return paging.of(items, total);
    }

    private static String compactPhone(String phone) {
        return phone.replaceAll("[\\s()\\-]", "");
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        return new Customer(
                rs.getLong("id"),
                rs.getString("name"),
                CustomerKind.valueOf(rs.getString("kind")),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("im_handle"),
                rs.getString("preferred_language"),
                ServiceProfile.valueOf(rs.getString("service_profile")),
                rs.getString("account_manager"));
    }

    /**
     * The customer a process variable names, or null with the problem added to {@code problems}.
     * Tasklist submits a number field as Long or Double; a REST client may send text.
     */
    public Customer fromVariable(String variable, Object value, List<String> problems) {
        Long id = idOf(value);
        if (id == null) {
            problems.add(value == null ? variable + " is required" : variable + " '" + value + "' is not a customer id");
            return null;
        }
        Optional<Customer> customer = findById(id);
        if (customer.isEmpty()) {
            problems.add(variable + " " + id + " is not a known customer");
        }
        return customer.orElse(null);
    }

    private static Long idOf(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        if (value instanceof String text && text.strip().matches("\\d{1,18}")) {
            return Long.valueOf(text.strip());
        }
        return null;
    }
}
