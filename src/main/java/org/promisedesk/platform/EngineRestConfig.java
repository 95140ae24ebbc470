package org.promisedesk.platform;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/** The engine REST API as Camunda configures it, plus our handling of rejected input. */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(RejectedInput.WrappedByTheRestApi.class);
        register(RejectedInput.WrappedByTheEngine.class);
        register(RejectedInputMalformed.NotJson.class);
        register(RejectedInputMalformed.WrongJsonType.class);
        register(RejectedInputMalformed.WrongParameter.class);
        register(RejectedInputMalformed.TooLarge.class);
    }
}
