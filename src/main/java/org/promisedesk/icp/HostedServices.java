package org.promisedesk.icp;

import java.net.IDN;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.promisedesk.customer.ServiceState;
import org.promisedesk.customer.ServiceType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the filing reads and writes of the subscription table (owned by the customer feature):
 * a customer's services, whether a domain is filed, and the ICP number once approved.
 */
@Repository
class HostedServices {

    private final JdbcClient jdbc;

    HostedServices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every service of the customer, domains in ASCII form. */
    List<HostedService> servicesOf(long customerId) {
        return jdbc.sql("""
                SELECT id, customer_id, type, domain, ip_address, state, icp_number FROM subscription
                WHERE customer_id = :customerId ORDER BY id""")
                .param("customerId", customerId).query(HostedServices::map).list();
    }

    /** Whether any service (of any customer) has an ICP number for this domain or a parent domain. */
    boolean filed(String domain) {
        Set<String> names = new LinkedHashSet<>();
        for (String name = domain; name.contains("."); name = name.substring(name.indexOf('.') + 1)) {
            names.add(name);
            names.add(IDN.toUnicode(name).toLowerCase(Locale.ROOT));
        }
        return jdbc.sql("SELECT COUNT(*) FROM subscription WHERE icp_number IS NOT NULL AND LOWER(domain) IN (:names)")
                .param("names", names).query(Long.class).single() > 0;
    }

    /** Sets the ICP number on these services; how many there were. */
    int recordIcpNumber(Collection<Long> serviceIds, String icpNumber) {
        if (serviceIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE subscription SET icp_number = :icpNumber WHERE id IN (:ids)")
                .param("icpNumber", icpNumber).param("ids", new ArrayList<>(serviceIds)).update();
    }

    private static HostedService map(ResultSet rs, int row) throws SQLException {
        String domain = rs.getString("domain");
        return new HostedService(rs.getLong("id"), rs.getLong("customer_id"), ServiceType.valueOf(rs.getString("type")),
                domain == null ? null : ascii(domain), rs.getString("ip_address"),
                ServiceState.valueOf(rs.getString("state")), rs.getString("icp_number"));
    }

    private static String ascii(String domain) {
        DomainNames.Domain parsed = DomainNames.parse(domain);
        return parsed == null ? domain.toLowerCase(Locale.ROOT) : parsed.ascii();
    }
}
