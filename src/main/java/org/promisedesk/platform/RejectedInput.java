package org.promisedesk.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Our delegates and task listeners reject bad input with a {@link BadUserRequestException}; the
 * engine REST API wraps it ("Cannot complete task …", ENGINE-03051) and answers 500. These
 * mappers answer 400 with the rejection's own message instead, and leave everything else to
 * Camunda's handling.
 */
final class RejectedInput {

    static Response toResponse(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadUserRequestException rejected) {
                return ExceptionHandlerHelper.getInstance().getResponse(rejected);
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    @Priority(1)
    static class WrappedByTheRestApi implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return RejectedInput.toResponse(exception);
        }
    }

    @Priority(1)
    static class WrappedByTheEngine implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return RejectedInput.toResponse(exception);
        }
    }

    private RejectedInput() {
    }
}
