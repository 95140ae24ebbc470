package org.promisedesk.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a private in-memory database and a random port, with the demo users
 * and data, and no job executor: a test moves the clock and executes due jobs itself.
 *
 * <p>Every test that needs the application in this JVM uses this annotation and nothing else, so
 * that all share one Spring context: the engine REST API finds its engine by the name "default"
 * in a static registry, and a second context would take that name over. A test that needs another
 * configuration starts a {@link StandaloneApp}, which runs under an engine name of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
public @interface EngineTest {
}
