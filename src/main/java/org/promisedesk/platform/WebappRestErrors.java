package org.promisedesk.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist and Cockpit do not use {@code /engine-rest}: they call their own copy of the engine
 * REST API under {@code /camunda/api/engine}, a JAX-RS application of Camunda's webapp that
 * {@link EngineRestConfig} does not configure. Without this, a form Tasklist submits that a
 * process refuses ("outcome is required", a NUL in a text field) answers 500 there. Jersey applies
 * this to every application it starts (META-INF/services); it registers {@link RejectedInput}'s
 * and {@link RejectedInputMalformed}'s mappers and a strict reading of JSON in each one that is an
 * engine REST API and does not have them yet, so both copies answer a caller's mistake alike.
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
        context.register(StrictJsonReading.class);
    }

    /**
     * Camunda registers its own object mapper in this copy of the API (a new one for each read), so
     * the body is first read once by {@link EngineRestConfig.StrictJson}'s rules: a property given
     * twice or data after the JSON value throws, and {@link RejectedInputMalformed} answers 400.
     * Bodies here are a form's variables, a few kilobytes.
     */
    static class StrictJsonReading implements ReaderInterceptor {

        private static final ObjectMapper STRICT = new ObjectMapper()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            if (MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
                byte[] body = context.getInputStream().readAllBytes();
                if (body.length > 0) {
                    STRICT.readTree(body);
                }
                context.setInputStream(new ByteArrayInputStream(body));
            }
            return context.proceed();
        }
    }
}
