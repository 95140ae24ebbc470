package org.promisedesk.platform;

import java.util.HashSet;
import java.util.Set;

import jakarta.ws.rs.ext.ContextResolver;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine REST API as Camunda configures it, plus our handling of rejected input, and JSON
 * read as strictly as {@code /api} reads it: a property given twice is refused (Camunda's mapper
 * would take the last one).
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        Set<Class<?>> configuration = new HashSet<>(CamundaRestResources.getConfigurationClasses());
        configuration.remove(JacksonConfigurator.class);
        registerClasses(configuration);
        register(StrictJson.class);
        register(JacksonFeature.class);
    }

    @Override
    protected void registerAdditionalResources() {
        register(RejectedInput.WrappedByTheRestApi.class);
        register(RejectedInput.WrappedByTheEngine.class);
        register(RejectedInputMalformed.NotJson.class);
        register(RejectedInputMalformed.WrongJsonType.class);
        register(RejectedInputMalformed.WrongParameter.class);
        register(RejectedInputMalformed.TooLarge.class);
    }

    /** Camunda's object mapper (its date format and modules) with duplicate properties and trailing data refused. */
    static class StrictJson implements ContextResolver<ObjectMapper> {

        private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

        @Override
        public ObjectMapper getContext(Class<?> type) {
            return mapper;
        }
    }
}
