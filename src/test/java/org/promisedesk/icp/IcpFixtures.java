package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.CERTIFICATE_NUMBER;
import static org.promisedesk.icp.IcpFilingProcess.CERTIFICATE_TYPE;
import static org.promisedesk.icp.IcpFilingProcess.CUSTOMER_ID;
import static org.promisedesk.icp.IcpFilingProcess.DOMAINS;
import static org.promisedesk.icp.IcpFilingProcess.HOSTING_SERVICE_ID;
import static org.promisedesk.icp.IcpFilingProcess.NOTES;
import static org.promisedesk.icp.IcpFilingProcess.REQUEST_KEY;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_EMAIL;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_ID_NUMBER;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_MOBILE;
import static org.promisedesk.icp.IcpFilingProcess.RESPONSIBLE_NAME;
import static org.promisedesk.icp.IcpFilingProcess.SUBJECT_NAME;
import static org.promisedesk.icp.IcpFilingProcess.SUBJECT_TYPE;
import static org.promisedesk.icp.IcpFilingProcess.WEBSITE_NAME;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * Customers and services of the ICP tests, each with its own e-mail address and domain, so that
 * assertions never meet the demo data or another test's rows; and valid filing materials.
 */
final class IcpFixtures {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    static final String USCC = CheckDigits.uscc("310115", "MA1K2L3M");
    static final String RESPONSIBLE_ID = CheckDigits.residentId("310104", LocalDate.of(1986, 4, 12), "035");

    /** A customer with a virtual host and the domain registration for {@code domain}, both active, not filed. */
    record TestCustomer(long id, String email, String domain, long hostingId, long domainServiceId) {
    }

    static TestCustomer customer(JdbcClient jdbc, String language) {
        String tag = COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String email = "icp-" + tag + "@mail.example.cn";
        String domain = "site-" + tag + ".example.cn";
        jdbc.sql("""
                INSERT INTO customer (name, kind, email, phone, preferred_language, service_profile)
                VALUES (:name, 'ENTERPRISE', :email, '+862150100099', :language, 'DEPENDENT')""")
                .param("name", language.equals("en") ? "Harbour Tea Trading Ltd " + tag : "上海海港茶业有限公司 " + tag)
                .param("email", email).param("language", language).update();
        long id = jdbc.sql("SELECT id FROM customer WHERE email = :email").param("email", email).query(Long.class).single();
        long hosting = service(jdbc, id, "VIRTUAL_HOST", domain, "192.0.2.201");
        long registration = service(jdbc, id, "DOMAIN", domain, null);
        return new TestCustomer(id, email, domain, hosting, registration);
    }

    /**
     * Removes a test customer and everything recorded about it, so that tests counting the demo
     * data's customers and services still find only those. Its process instances must be gone first.
     */
    static void remove(JdbcClient jdbc, TestCustomer customer) {
        String filings = "SELECT id FROM icp_filing WHERE customer_id = :id";
        jdbc.sql("DELETE FROM icp_photo WHERE filing_id IN (" + filings + ")").param("id", customer.id()).update();
        jdbc.sql("DELETE FROM icp_filing_domain WHERE filing_id IN (" + filings + ")").param("id", customer.id()).update();
        jdbc.sql("DELETE FROM icp_filing WHERE customer_id = :id").param("id", customer.id()).update();
        jdbc.sql("DELETE FROM customer_message WHERE customer_id = :id").param("id", customer.id()).update();
        jdbc.sql("DELETE FROM subscription WHERE customer_id = :id").param("id", customer.id()).update();
        jdbc.sql("DELETE FROM customer WHERE id = :id").param("id", customer.id()).update();
    }

    private static long service(JdbcClient jdbc, long customerId, String type, String domain, String ip) {
        jdbc.sql("""
                INSERT INTO subscription (customer_id, type, domain, ip_address, plan, monthly_price, start_date,
                    expiry_date, state)
                VALUES (:customerId, :type, :domain, :ip, 'Test plan', 45.00, CURRENT_DATE - 30, CURRENT_DATE + 335,
                    'ACTIVE')""")
                .param("customerId", customerId).param("type", type).param("domain", domain).param("ip", ip).update();
        return jdbc.sql("SELECT MAX(id) FROM subscription WHERE customer_id = :customerId AND type = :type")
                .param("customerId", customerId).param("type", type).query(Long.class).single();
    }

    /** Complete, valid materials of an enterprise filing for the customer's domain. */
    static Map<String, Object> materials(TestCustomer customer, String requestKey) {
        Map<String, Object> m = new HashMap<>();
        m.put(CUSTOMER_ID, customer.id());
        m.put(REQUEST_KEY, requestKey);
        m.put(SUBJECT_TYPE, "enterprise");
        m.put(SUBJECT_NAME, "上海海港茶业有限公司");
        m.put(CERTIFICATE_TYPE, "uscc");
        m.put(CERTIFICATE_NUMBER, USCC);
        m.put(RESPONSIBLE_NAME, "王海");
        m.put(RESPONSIBLE_ID_NUMBER, RESPONSIBLE_ID);
        m.put(RESPONSIBLE_MOBILE, "13912345678");
        m.put(RESPONSIBLE_EMAIL, "wanghai@mail.example.cn");
        m.put(WEBSITE_NAME, "海港茶业");
        m.put(DOMAINS, customer.domain());
        m.put(HOSTING_SERVICE_ID, customer.hostingId());
        m.put(NOTES, "Customer called on Friday; wants the shop online before the new year.");
        return m;
    }

    /** A tiny but real JPEG header and some bytes. */
    static byte[] jpeg(int size) {
        byte[] photo = new byte[size];
        photo[0] = (byte) 0xFF;
        photo[1] = (byte) 0xD8;
        photo[2] = (byte) 0xFF;
        photo[3] = (byte) 0xE0;
        return photo;
    }

    /** The first part of a message of this type, decoded. */
    static String part(Part part, String mimeType) {
        try {
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = part(multipart.getBodyPart(i), mimeType);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private IcpFixtures() {
    }
}
