package org.promisedesk.incident;

import org.promisedesk.platform.HtmlToPdf;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.platform.StandaloneApp;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The incident tables on PostgreSQL (the local server, as in platform.PostgresProfileTest): the
 * report's HTML (TEXT) and PDF (BYTEA) come back exactly as kept, Chinese included.
 */
class IncidentsPostgresTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private final String database = "promisedesk_incident_" + UUID.randomUUID().toString().replace("-", "");

    @BeforeEach
    void createDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void shouldKeepTheReportAsPublishedOnPostgres() {
        try (ConfigurableApplicationContext app = StandaloneApp.withDatabase(SERVER + database)
                .profiles("postgres,demo").start()) {
            Incidents incidents = app.getBean(Incidents.class);
            Instant start = Instant.parse("2026-11-19T06:00:00Z");
            long id = incidents.insert("存储集群故障", "REQ-2026-000123", "pi-1", start, start.plusSeconds(8100), "tech",
                    start.plusSeconds(9000));
            incidents.addCustomers(id, List.of(1L, 2L));
            String html = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>时间线</p></body></html>";
            byte[] pdf = app.getBean(HtmlToPdf.class).render(html);

            incidents.saveReport(id, "zh-CN", html, pdf, start.plusSeconds(9000));

            Incidents.StoredReport kept = incidents.report(id, "zh-CN").orElseThrow();
            assertThat(kept.html()).isEqualTo(html);
            assertThat(kept.pdf()).isEqualTo(pdf);
            assertThat(incidents.customerIds(id)).containsExactly(1L, 2L);
            assertThat(incidents.find(id)).get().extracting(Incidents.Incident::title).isEqualTo("存储集群故障");
        }
    }
}
