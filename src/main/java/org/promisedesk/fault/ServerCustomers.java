package org.promisedesk.fault;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who else a fault of ours on a server hits: the customers with active services on it. */
@Repository
class ServerCustomers {

    private final JdbcClient jdbc;

    ServerCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids of the customers with an active service on the server, in order; none without a server name. */
    List<Long> of(String serverName) {
        if (serverName == null || serverName.isBlank()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT customer_id FROM subscription WHERE server_name = :server"
                + " AND state = 'ACTIVE' ORDER BY customer_id")
                .param("server", serverName).query(Long.class).list();
    }
}
