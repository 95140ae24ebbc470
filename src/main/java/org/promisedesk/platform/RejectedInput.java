package org.promisedesk.platform;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * What the engine REST API answers when the caller sent something wrong. Camunda answers 500 for
 * several of these; a 500 says "our fault" and hides the caller's mistake, so these mappers
 * answer instead:
 * <ul>
 * <li>403 for a missing permission, also where the REST API wraps it in a 400 ("Not enough
 * parameters submitted" for a comment);</li>
 * <li>400 with the rejection's own message for a {@link BadUserRequestException} our delegates
 * and task listeners throw (the REST API wraps it: "Cannot complete task …", ENGINE-03051);</li>
 * <li>404 for an id that does not exist ("Cannot find task with id …: task is null": Camunda's
 * {@link NullValueException} from claim, complete, submit-form, variables);</li>
 * <li>400 for input the engine refuses by an error code: a Java-serialized object (prohibited,
 * {@code javaSerializationFormatEnabled} is false by default), a resource that is not XML, and a
 * JSON or object variable that cannot be read, a query condition on an object, array, file or
 * bytes value, and deleting a task that belongs to a process.</li>
 * </ul>
 * Everything else is left to Camunda's handling.
 */
final class RejectedInput {

    /** Camunda's messages for an entity the caller named by an id that does not exist. */
    private static final Pattern NOT_FOUND = Pattern.compile(
            "(?i).*(cannot find|can't find|doesn't exist|does not exist|not found|no matching).*", Pattern.DOTALL);

    /**
     * Engine error codes for refused input. ENGINE-17007: "Cannot set variable … Java
     * serialization format is prohibited"; ENGINE-09003: "Could not parse '…'" (not XML at all).
     */
    private static final Set<String> REFUSED_INPUT_CODES = Set.of("ENGINE-17007", "ENGINE-09003",
            // An operation the engine refuses without a code: DELETE /task/{id} of a process's task.
            "The task cannot be deleted because is part of a running process",
            // A password that Camunda's password policy refuses (GET /identity/password-policy lists its rules).
            "Password does not match policy");

    /**
     * A variable the caller sent as JSON or as an object ({@code "type": "Json"} or {@code "Object"}
     * with {@code application/json}) that cannot be read back: not JSON, or not the type it names.
     */
    private static final String UNREADABLE_VARIABLE = "Cannot deserialize object in variable";

    /**
     * A variable condition in a query that the engine cannot turn into SQL: an object or array
     * value ({@code {"name":"x","operator":"eq","value":{"a":1}}} in {@code POST /task}), a file or
     * bytes, or a boolean or null with {@code like} or {@code gt}. Camunda answers these 500.
     */
    private static final Pattern UNQUERYABLE_VALUE = Pattern.compile(
            "(Object values|Variables of type \\w+) cannot be used to query"
                    + "|Booleans and null cannot be used in '[a-z ]+' condition");

    static Response toResponse(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException forbidden) {
                return ExceptionHandlerHelper.getInstance().getResponse(forbidden);
            }
            if (cause instanceof NotFoundException || isUnknownId(cause)) {
                return answer(Response.Status.NOT_FOUND, exception, cause);
            }
            if (cause instanceof BadUserRequestException rejected) {
                return ExceptionHandlerHelper.getInstance().getResponse(rejected);
            }
            if (cause instanceof ProcessEngineException refused && hasRefusedInputCode(refused)) {
                return answer(Response.Status.BAD_REQUEST, exception, cause);
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    private static boolean isUnknownId(Throwable cause) {
        return cause instanceof NullValueException && cause.getMessage() != null
                && NOT_FOUND.matcher(cause.getMessage()).matches();
    }

    private static boolean hasRefusedInputCode(ProcessEngineException exception) {
        String message = exception.getMessage();
        return message != null && (REFUSED_INPUT_CODES.stream().anyMatch(message::startsWith)
                || message.startsWith(UNREADABLE_VARIABLE)
                || UNQUERYABLE_VALUE.matcher(message).matches());
    }

    /** Camunda's error body ({type, message, code}) with the outermost message, which says what failed. */
    private static Response answer(Response.Status status, Throwable outer, Throwable cause) {
        ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(cause);
        dto.setMessage(outer.getMessage());
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
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
