package org.promisedesk.platform;

import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.glassfish.jersey.server.ParamException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A request to the engine REST API that cannot even be read: Camunda answers a body that is not
 * JSON with Jackson's bare text, a JSON value of the wrong type with an empty message, and a
 * query parameter of the wrong type ({@code maxResults=abc}) with a 404. These answer 400 in
 * Camunda's error format ({type, message}), naming what is wrong.
 */
final class RejectedInputMalformed {

    static Response badRequest(String type, String message) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(type);
        dto.setMessage(message);
        return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The first line of Jackson's message, without the location it appends. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Priority(1)
    static class NotJson implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException exception) {
            var location = exception.getLocation();
            return badRequest("InvalidRequestException", "The request body is not valid JSON: "
                    + firstLine(exception.getOriginalMessage())
                    + (location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
    }

    @Priority(1)
    static class WrongJsonType implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException exception) {
            String path = exception.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return badRequest("InvalidRequestException", (path.isEmpty() ? "The request body" : "Property '" + path + "'")
                    + " has the wrong type or form: " + firstLine(exception.getOriginalMessage()));
        }
    }

    @Priority(1)
    static class WrongParameter implements ExceptionMapper<ParamException> {
        @Override
        public Response toResponse(ParamException exception) {
            String kind = exception.getParameterType() == null ? "Parameter"
                    : exception.getParameterType().getSimpleName().replace("Param", " parameter");
            return badRequest("InvalidRequestException", kind + " '" + exception.getParameterName()
                    + "' has a value of the wrong type");
        }
    }

    @Priority(1)
    static class TooLarge implements ExceptionMapper<RequestSizeLimit.BodyTooLarge> {
        @Override
        public Response toResponse(RequestSizeLimit.BodyTooLarge exception) {
            ExceptionDto dto = new ExceptionDto();
            dto.setType("PayloadTooLarge");
            dto.setMessage(exception.getMessage());
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).entity(dto)
                    .type(MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    private RejectedInputMalformed() {
    }
}
