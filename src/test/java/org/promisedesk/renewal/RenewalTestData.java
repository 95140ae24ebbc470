package org.promisedesk.renewal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.promisedesk.customer.CustomerKind;
import org.promisedesk.customer.ServiceProfile;
import org.promisedesk.customer.ServiceState;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers and services of one test, with unique e-mail addresses, and everything they caused
 * removed afterwards: their renewals and process instances, the messages sent to them, the rows
 * themselves. The database is shared with every other test class, whose counts of customers and
 * services must not change.
 */
final class RenewalTestData {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final List<Long> customers = new ArrayList<>();
    private final List<Long> services = new ArrayList<>();

    RenewalTestData(JdbcClient jdbc, RuntimeService runtimeService) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
    }

    record TestCustomer(long id, String email, String language) {
    }

    TestCustomer customer(CustomerKind kind, ServiceProfile profile, String language, String accountManager) {
        String email = "renewal-" + UUID.randomUUID() + "@test.example";
        jdbc.sql("""
                INSERT INTO customer (name, kind, email, preferred_language, service_profile, account_manager)
                VALUES (:name, :kind, :email, :language, :profile, :manager)""")
                .param("name", language.equals("en") ? "Renewal Test Co " + email.substring(8, 16) : "续费测试有限公司")
                .param("kind", kind.name())
                .param("email", email)
                .param("language", language)
                .param("profile", profile.name())
                .param("manager", accountManager)
                .update();
        long id = id(email);
        customers.add(id);
        return new TestCustomer(id, email, language);
    }

    long service(TestCustomer customer, LocalDate expiry, ServiceState state) {
        String domain = "svc-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        jdbc.sql("""
                INSERT INTO subscription (customer_id, type, domain, plan, monthly_price, start_date, expiry_date, state)
                VALUES (:customer, 'CLOUD_VM', :domain, 'Cloud VM 4 vCPU / 8 GB / 100 GB SSD', :price, :start, :expiry,
                        :state)""")
                .param("customer", customer.id())
                .param("domain", domain)
                .param("price", new BigDecimal("3200.00"))
                .param("start", expiry.minusYears(1))
                .param("expiry", expiry)
                .param("state", state.name())
                .update();
        long id = jdbc.sql("SELECT id FROM subscription WHERE domain = :domain").param("domain", domain)
                .query(Long.class).single();
        services.add(id);
        return id;
    }

    long service(TestCustomer customer, LocalDate expiry) {
        return service(customer, expiry, ServiceState.ACTIVE);
    }

    LocalDate expiryOf(long serviceId) {
        return jdbc.sql("SELECT expiry_date FROM subscription WHERE id = :id").param("id", serviceId)
                .query(LocalDate.class).single();
    }

    String stateOf(long serviceId) {
        return jdbc.sql("SELECT state FROM subscription WHERE id = :id").param("id", serviceId)
                .query(String.class).single();
    }

    List<Renewal> renewalsOf(long serviceId) {
        return jdbc.sql("SELECT business_key FROM renewal WHERE subscription_id = :id ORDER BY id")
                .param("id", serviceId).query(String.class).list().stream()
                .map(key -> new Renewals(jdbc).findByBusinessKey(key).orElseThrow()).toList();
    }

    /** Templates sent to the customer, oldest first (the outbox of the message step). */
    List<String> templatesSentTo(TestCustomer customer) {
        return jdbc.sql("SELECT template FROM customer_message WHERE customer_id = :id AND state = 'SENT' ORDER BY id")
                .param("id", customer.id()).query(String.class).list();
    }

    void deleteAll() {
        for (long service : services) {
            for (String instanceId : jdbc.sql("SELECT process_instance_id FROM renewal WHERE subscription_id = :id"
                    + " AND process_instance_id IS NOT NULL").param("id", service).query(String.class).list()) {
                runtimeService.deleteProcessInstanceIfExists(instanceId, "test over", true, true, true, false);
            }
            jdbc.sql("DELETE FROM renewal WHERE subscription_id = :id").param("id", service).update();
            jdbc.sql("DELETE FROM subscription WHERE id = :id").param("id", service).update();
        }
        for (long customer : customers) {
            jdbc.sql("DELETE FROM customer_message WHERE customer_id = :id").param("id", customer).update();
            jdbc.sql("DELETE FROM subscription WHERE customer_id = :id").param("id", customer).update();
            jdbc.sql("DELETE FROM customer WHERE id = :id").param("id", customer).update();
        }
        services.clear();
        customers.clear();
    }

    /** A day at a time of day in the renewal time zone. */
    static Date at(LocalDate day, String time) {
        return Date.from(day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant());
    }

    private long id(String email) {
        return jdbc.sql("SELECT id FROM customer WHERE email = :email").param("email", email).query(Long.class).single();
    }
}
