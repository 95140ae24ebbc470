package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.promisedesk.customer.Customer;
import org.promisedesk.customer.Customers;
import org.promisedesk.customer.Subscription;
import org.promisedesk.customer.SubscriptionQuery;
import org.promisedesk.customer.Subscriptions;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code postgres} profile on the local PostgreSQL (127.0.0.1:5432, user postgres, trust auth;
 * .ci/run starts it), in a fresh database dropped afterwards: engine schema, models, Flyway tables
 * and demo data, and a restart that keeps and duplicates nothing.
 */
class PostgresProfileTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String PROBE = "Process_PostgresProbe";

    private final String database = "promisedesk_test_" + UUID.randomUUID().toString().replace("-", "");

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
    void shouldRunOnPostgresAndKeepEverythingAcrossARestart() {
        String instanceId;
        long deployments;
        try (ConfigurableApplicationContext app = start()) {
            assertDemoData(app);
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            assertThat(engine.getRepositoryService().createDeploymentQuery()
                    .deploymentName(ModelDeployment.DEPLOYMENT_NAME).count()).isEqualTo(1);
            engine.getRepositoryService().createDeployment().name("postgres-probe")
                    .addModelInstance("probe.bpmn", TestModels.taskPerGroup(PROBE, Groups.AGENTS)).deploy();
            instanceId = engine.getRuntimeService().startProcessInstanceByKey(PROBE, Map.of("due", new java.util.Date()))
                    .getId();
            deployments = engine.getRepositoryService().createDeploymentQuery().count();
        }

        try (ConfigurableApplicationContext app = start()) {
            assertDemoData(app);
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instanceId).count()).isEqualTo(1);
            assertThat(engine.getIdentityService().createGroupQuery().groupId(Groups.PROCESS_OWNERS).count()).isEqualTo(1);
            Long id = app.getBean(JdbcClient.class)
                    .sql("INSERT INTO customer (name, kind, email, preferred_language, service_profile)"
                            + " VALUES ('Example Co', 'ENTERPRISE', 'it@example.example', 'en', 'DEPENDENT')"
                            + " RETURNING id")
                    .query(Long.class).single();
            assertThat(id).as("identity columns continue after the demo data's explicit ids").isEqualTo(1001);
        }
    }

    private static void assertDemoData(ConfigurableApplicationContext app) {
        Customers customers = app.getBean(Customers.class);
        Subscriptions subscriptions = app.getBean(Subscriptions.class);
        assertThat(customers.search(null, new Paging(0, 1)).total()).isEqualTo(22);
        assertThat(subscriptions.search(SubscriptionQuery.all(), new Paging(0, 1)).total()).isEqualTo(50);
        assertThat(customers.findByEmail("IT@northwind.example")).get().extracting(Customer::id).isEqualTo(1L);
        assertThat(customers.search("上海云帆", new Paging(0, 10)).items()).extracting(Customer::id).containsExactly(2L);
        assertThat(subscriptions.findById(1)).get()
                .extracting(Subscription::expiryDate).isEqualTo(LocalDate.now().plusDays(12));
    }

    private ConfigurableApplicationContext start() {
        return StandaloneApp.withDatabase(SERVER + database).profiles("postgres,demo").start();
    }
}
