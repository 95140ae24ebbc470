package org.promisedesk.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;

import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Tasklist and Cockpit do not use {@code /engine-rest}: they call their own copy of the engine
 * REST API under {@code /camunda/api/engine}, a JAX-RS application of Camunda's webapp that
 * {@link EngineRestConfig} does not configure. Without this, a form Tasklist submits that a
 * process refuses ("outcome is required", a NUL in a text field) answers 500 there. Jersey applies
 * this to every application it starts (META-INF/services); it registers {@link RejectedInput}'s
 * and {@link RejectedInputMalformed}'s mappers in each one that is an engine REST API and does not
 * have them yet, so both copies answer a caller's mistake alike.
 */
@Priority(Integer.MAX_VALUE)
public final class WebappRestErrors implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        var configuration = context.getConfiguration();
        if (!configuration.isRegistered(NamedProcessEngineRestServiceImpl.class)
                || configuration.isRegistered(RejectedInput.WrappedByTheRestApi.class)) {
            return;
        }
        context.register(RejectedInput.WrappedByTheRestApi.class);
        context.register(RejectedInput.WrappedByTheEngine.class);
        context.register(RejectedInputMalformed.NotJson.class);
        context.register(RejectedInputMalformed.WrongJsonType.class);
        context.register(RejectedInputMalformed.WrongParameter.class);
        context.register(RejectedInputMalformed.TooLarge.class);
    }
}
