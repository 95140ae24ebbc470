package org.promisedesk.platform;

import java.lang.reflect.Field;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.AdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.CockpitRuntimeDelegate;
import org.camunda.bpm.spring.boot.starter.webapp.filter.LazyInitRegistration;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.TasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.WelcomeRuntimeDelegate;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;

/**
 * Camunda's web apps keep JVM-wide state in static fields: the runtime delegates of Cockpit,
 * Tasklist, Admin and Welcome (set when a web app starts, set to null when it stops) and the
 * application context their Spring Boot filters use. A {@link StandaloneApp} started beside the
 * shared test application would, when it stops, leave the shared application's Cockpit and
 * Tasklist API without a delegate (every call a 500). So a standalone app takes a snapshot before
 * it starts and puts it back when its web apps have stopped.
 */
final class SharedWebapps {

    private static final Field FILTER_CONTEXT = filterContextField();

    private final CockpitRuntimeDelegate cockpit = Cockpit.getRuntimeDelegate();
    private final TasklistRuntimeDelegate tasklist = Tasklist.getRuntimeDelegate();
    private final AdminRuntimeDelegate admin = Admin.getRuntimeDelegate();
    private final WelcomeRuntimeDelegate welcome = Welcome.getRuntimeDelegate();
    private final ApplicationContext filterContext = (ApplicationContext) get(FILTER_CONTEXT);

    /** The state now; the filter context is cleared, so a starting app's filters wait for their own. */
    static SharedWebapps takeSnapshot() {
        SharedWebapps snapshot = new SharedWebapps();
        set(FILTER_CONTEXT, null);
        return snapshot;
    }

    void restoreFilterContext() {
        set(FILTER_CONTEXT, filterContext);
    }

    /**
     * Registered first, so its listener is told last when the standalone app's servlet context is
     * destroyed: after Camunda's own listeners have cleared the delegates.
     */
    ServletContextInitializer restoreDelegatesOnShutdown() {
        return new RestoreOnShutdown();
    }

    private void restoreDelegates() {
        Cockpit.setCockpitRuntimeDelegate(cockpit);
        Tasklist.setTasklistRuntimeDelegate(tasklist);
        Admin.setAdminRuntimeDelegate(admin);
        Welcome.setRuntimeDelegate(welcome);
    }

    private final class RestoreOnShutdown implements ServletContextInitializer, Ordered {
        @Override
        public void onStartup(jakarta.servlet.ServletContext servletContext) {
            servletContext.addListener(new ServletContextListener() {
                @Override
                public void contextDestroyed(ServletContextEvent event) {
                    restoreDelegates();
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    private static Field filterContextField() {
        try {
            Field field = LazyInitRegistration.class.getDeclaredField("APPLICATION_CONTEXT");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Camunda's LazyInitRegistration has changed: see SharedWebapps", e);
        }
    }

    private static Object get(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Field field, Object value) {
        try {
            field.set(null, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
