package org.promisedesk.platform;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * B4's yardstick: a bare Camunda Spring Boot starter application on the same class path as
 * Promise Desk (the same starters: webapp, REST, web, JDBC, mail, Spin, Flyway, H2, PostgreSQL) and
 * none of its code, configuration or models. Deliberately not a {@code @Configuration} or
 * {@code @SpringBootApplication}: the application's component scan (which covers test classes in
 * tests) must not pick it up. {@link StartupBenchmark} starts it with {@code spring.config.name}
 * pointing away from application.yaml, Flyway off (the migrations on the class path are
 * Promise Desk's) and Camunda's auto-deployment off (it would deploy Promise Desk's models).
 */
@EnableAutoConfiguration
public class BareCamundaStarter {
}
