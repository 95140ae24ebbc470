package org.promisedesk.platform;

import java.lang.reflect.Field;

import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.springframework.context.ApplicationContext;

/**
 * Camunda's Spring Boot webapp hands its Tasklist/Cockpit filters the application context held in
 * one static field ({@code LazyInitRegistration.APPLICATION_CONTEXT}). A second application
 * started in the same JVM (a {@link StandaloneApp}) would find the first one's context there, or
 * leave its own, closed one behind for the shared test context: the web apps' API then answers
 * 500. {@link StandaloneApp} clears the field while its application starts, so that application's
 * filters wait for its own context, and puts the previous value back afterwards.
 */
final class WebappFilterContext {

    private static final Field FIELD = field();

    private WebappFilterContext() {
    }

    /** Sets the field and returns what it held. */
    static ApplicationContext swap(ApplicationContext context) {
        try {
            ApplicationContext previous = (ApplicationContext) FIELD.get(null);
            FIELD.set(null, context);
            return previous;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot reach Camunda's webapp filter context", e);
        }
    }

    private static Field field() {
        try {
            Field field = LazyInitRegistration.class.getDeclaredField("APPLICATION_CONTEXT");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda's LazyInitRegistration has changed: see WebappFilterContext", e);
        }
    }
}
