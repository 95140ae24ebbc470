package org.promisedesk.fault;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers and services of the fault tests, each with its own e-mail address, domain and server
 * name, so that assertions never meet the demo data or another test's rows. Their services live
 * on loopback ({@link FaultTestNetwork}).
 */
final class FaultFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    record TestService(long customerId, String email, long serviceId, String domain, String serverName) {
    }

    /** A customer with one active service; {@code domain} is made unique by a prefix, null for none. */
    static TestService service(JdbcClient jdbc, String profile, String language, String type, String domain,
            String ip) {
        String tag = COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "fault-" + tag + "@mail.example";
        jdbc.sql("""
                INSERT INTO customer (name, kind, email, phone, preferred_language, service_profile)
                VALUES (:name, 'ENTERPRISE', :email, '+862150100099', :language, :profile)""")
                .param("name", language.equals("en") ? "Harbour Bikes Ltd " + tag : "上海海港单车有限公司 " + tag)
                .param("email", email).param("language", language).param("profile", profile).update();
        long customerId = jdbc.sql("SELECT id FROM customer WHERE email = :email").param("email", email)
                .query(Long.class).single();
        String uniqueDomain = domain == null ? null : tag + "." + domain;
        String server = "test-" + tag;
        jdbc.sql("""
                INSERT INTO subscription (customer_id, type, domain, ip_address, server_name, plan, monthly_price,
                    start_date, expiry_date, state)
                VALUES (:customerId, :type, :domain, :ip, :server, 'Test plan', 45.00, CURRENT_DATE - 30,
                    CURRENT_DATE + 335, 'ACTIVE')""")
                .param("customerId", customerId).param("type", type).param("domain", uniqueDomain).param("ip", ip)
                .param("server", server).update();
        long serviceId = jdbc.sql("SELECT MAX(id) FROM subscription WHERE customer_id = :customerId")
                .param("customerId", customerId).query(Long.class).single();
        return new TestService(customerId, email, serviceId, uniqueDomain, server);
    }

    /** Another customer's active service on the same server (for the "many customers" rule). */
    static long neighbour(JdbcClient jdbc, TestService on) {
        TestService other = service(jdbc, "DEPENDENT", "en", "VIRTUAL_HOST", null, FaultTestNetwork.OUR_SERVER);
        jdbc.sql("UPDATE subscription SET server_name = :server WHERE id = :id").param("server", on.serverName())
                .param("id", other.serviceId()).update();
        return other.customerId();
    }

    /**
     * Removes a test customer and everything recorded about it, so that tests counting the demo
     * data's customers and services still find only those. Its process instances must be gone first.
     */
    static void remove(JdbcClient jdbc, long customerId) {
        jdbc.sql("DELETE FROM incident_service WHERE subscription_id IN (SELECT id FROM subscription WHERE customer_id = :id)")
                .param("id", customerId).update();
        jdbc.sql("DELETE FROM incident_customer WHERE customer_id = :id").param("id", customerId).update();
        jdbc.sql("DELETE FROM customer_message WHERE customer_id = :id").param("id", customerId).update();
        jdbc.sql("DELETE FROM subscription WHERE customer_id = :id").param("id", customerId).update();
        jdbc.sql("DELETE FROM customer WHERE id = :id").param("id", customerId).update();
    }

    private FaultFixtures() {
    }
}
