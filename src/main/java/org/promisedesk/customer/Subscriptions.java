package org.promisedesk.customer;

import org.promisedesk.platform.InvalidParameter;
import org.promisedesk.platform.Page;
import org.promisedesk.platform.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The subscription table: the services customers subscribe to. */
@Repository
public class Subscriptions {

    private static final String SELECT = """
            SELECT id, customer_id, type, domain, ip_address, server_name, plan, monthly_price,
                   start_date, expiry_date, state, icp_number
            FROM subscription
            """;

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Subscription> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(Subscriptions::map).optional();
    }

    /** Ordered by expiry date, then id. */
    public List<Subscription> findByCustomer(long customerId) {
        return jdbc.sql(SELECT + " WHERE customer_id = :customerId ORDER BY expiry_date, id")
                .param("customerId", customerId)
                .query(Subscriptions::map)
                .list();
    }

    /** Ordered by expiry date, then id. */
    public Page<Subscription> search(SubscriptionQuery query, Paging paging) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.customerId() != null) {
            conditions.add("customer_id = :customerId");
            params.put("customerId", query.customerId());
        }
        if (query.expiringBefore() != null) {
            conditions.add("expiry_date < :expiringBefore");
            params.put("expiringBefore", query.expiringBefore());
        }
        if (query.state() != null) {
            conditions.add("state = :state");
            params.put("state", query.state().name());
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);

        long total = jdbc.sql("SELECT COUNT(*) FROM subscription" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Subscription> items = jdbc.sql(SELECT + where + " ORDER BY expiry_date, id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", paging.size())
                .param("offset", paging.offset())
                .query(Subscriptions::map)
                .list();
        return paging.of(items, total);
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                ServiceType.valueOf(rs.getString("type")),
                rs.getString("domain"),
                rs.getString("ip_address"),
                rs.getString("server_name"),
                rs.getString("plan"),
                rs.getBigDecimal("monthly_price"),
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("expiry_date", LocalDate.class),
                ServiceState.valueOf(rs.getString("state")),
                rs.getString("icp_number"));
    }
}
