package org.promisedesk.renewal;

import java.util.concurrent.Callable;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.context.ProcessEngineContext;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/**
 * Runs a payment or cancellation as one engine command (one transaction with our own tables)
 * that skips the engine's authorization checks: our code has decided who may record one, and
 * the agent who does needs no right to change other process instances. The operation log still
 * names the user. Inside a process step it joins the step's command.
 */
@Component
class EngineWork {

    private final ProcessEngineConfigurationImpl configuration;

    EngineWork(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    <T> T withoutAuthorization(Callable<T> work) {
        CommandContext current = Context.getCommandContext();
        if (current != null) {
            return current.runWithoutAuthorization(work);
        }
        return configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work));
    }

    /**
     * Runs the work as an engine command of its own, even inside another command (the scan's job,
     * a payment): it is flushed when it returns, into the current transaction, so that the caller
     * can find what it created (and correlate a message to it) at once.
     */
    <T> T inNewCommand(Callable<T> work) {
        try {
            return ProcessEngineContext.withNewProcessEngineContext(() -> configuration.getCommandExecutorTxRequired()
                    .execute(context -> context.runWithoutAuthorization(work)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ProcessEngineException(e.getMessage(), e);
        }
    }
}
