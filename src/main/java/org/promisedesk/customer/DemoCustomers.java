package org.promisedesk.customer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the demo customers and services into an empty customer table (profile {@code demo}). */
@Component
@Profile("demo")
@Order(20)
class DemoCustomers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);
    private static final String SCRIPT = "db/demo/customers-and-services.sql";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    DemoCustomers(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            long customers = jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
            if (customers > 0) {
                log.debug("Customers present, demo customers not loaded");
                return;
            }
            var script = new ResourceDatabasePopulator(new ClassPathResource(SCRIPT));
            script.setSqlScriptEncoding("UTF-8");
            script.execute(dataSource);
            log.info("Loaded the demo customers and services from {}", SCRIPT);
        });
    }
}
