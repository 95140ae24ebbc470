package org.promisedesk.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.promisedesk.PromiseDeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application in this JVM under an engine name of its own, on a free port,
 * for tests that need another database or a restart. Close it to stop it.
 */
public final class StandaloneApp {

    private final List<String> arguments = new ArrayList<>();
    private String profiles = "demo";
    private boolean jobExecution;

    public static StandaloneApp withDatabase(String jdbcUrl) {
        StandaloneApp app = new StandaloneApp();
        app.arguments.add("--spring.datasource.url=" + jdbcUrl);
        return app;
    }

    public StandaloneApp profiles(String profiles) {
        this.profiles = profiles;
        return this;
    }

    public StandaloneApp property(String name, Object value) {
        arguments.add("--" + name + "=" + value);
        return this;
    }

    /** Runs the job executor (off by default: tests execute jobs themselves). */
    public StandaloneApp jobExecution(boolean enabled) {
        this.jobExecution = enabled;
        return this;
    }

    public ConfigurableApplicationContext start() {
        List<String> args = new ArrayList<>(arguments);
        args.add("--camunda.bpm.process-engine-name=standalone" + UUID.randomUUID().toString().replace("-", ""));
        args.add("--camunda.bpm.job-execution.enabled=" + jobExecution);
        args.add("--server.port=0");
        SharedWebapps shared = SharedWebapps.takeSnapshot();
        try {
            return new SpringApplicationBuilder(PromiseDeskApplication.class)
                    .profiles(profiles.split(","))
                    .initializers(context -> context.getBeanFactory()
                            .registerSingleton("restoreSharedWebapps", shared.restoreDelegatesOnShutdown()))
                    .run(args.toArray(String[]::new));
        } finally {
            shared.restoreFilterContext();
        }
    }
}
