package org.promisedesk.platform;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Problem details (RFC 9457) for every controller of the application API. Ordered before
 * Spring's generic handler so that a bad parameter is named in a {@code parameter} property and
 * in the detail. Features throw {@link InvalidParameter}, {@link NotFound} or {@link Forbidden}.
 */
@RestControllerAdvice(basePackages = "org.promisedesk")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    /** Jackson's message for a property given twice (spring.jackson.parser.strict-duplicate-detection). */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    /** One 400 for every bad parameter: {@code parameter} the first, {@code parameters} all, the detail says what is wrong with each. */
    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidParameter e) {
        ProblemDetail problem = badParameter(e.parameter(), e.getMessage());
        problem.setProperty("parameters", e.parameters());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidParameters(InvalidParameters e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request parameters");
        problem.setProperty("parameters", new java.util.TreeMap<>(e.problems()));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badParameter(e.getName(), "Parameter '" + e.getName() + "' must be " + expected(e.getRequiredType()));
    }

    /** A body that is not JSON, or JSON of the wrong shape: say which property, not "Failed to read request". */
    @ExceptionHandler
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.BodyTooLarge tooLarge) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                        tooLarge.getMessage());
                problem.setTitle("Payload Too Large");
                return problem;
            }
            if (cause instanceof JsonParseException notJson) {
                Matcher duplicate = DUPLICATE.matcher(String.valueOf(notJson.getOriginalMessage()));
                if (duplicate.matches()) {
                    // Which of the two values would count is up to the parser; the caller must say.
                    ProblemDetail problem = badParameter(duplicate.group(1), "Property '" + duplicate.group(1)
                            + "' is given twice in the request body; give it once");
                    problem.setTitle("Invalid request body");
                    problem.setProperty("parameters", List.of(duplicate.group(1)));
                    return problem;
                }
                return badBody("The request body is not valid JSON: " + firstLine(notJson.getOriginalMessage()));
            }
            if (cause instanceof MismatchedInputException trailing && String.valueOf(trailing.getOriginalMessage())
                    .startsWith("Trailing token")) {
                return badBody("The request body has more after its JSON value: send one JSON object and nothing"
                        + " after it");
            }
            if (cause instanceof JsonMappingException wrongType) {
                return badBody(wrongShape(wrongType));
            }
        }
        return badBody("The request body could not be read: it must be a JSON object");
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle(e.title());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail forbidden(Forbidden e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    private static ProblemDetail badParameter(String name, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request parameter");
        problem.setProperty("parameter", name);
        return problem;
    }

    private static ProblemDetail badBody(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request body");
        return problem;
    }

    private static String wrongShape(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        String expected = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                ? " must be " + describe(mismatch.getTargetType())
                : " has the wrong type or form";
        return path.isEmpty()
                ? "The request body" + (expected.startsWith(" must") ? expected : " must be a JSON object")
                : "Property '" + path + "'" + expected;
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        return expected(type);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "valid";
        }
        if (type == LocalDate.class) {
            return "an ISO date (yyyy-MM-dd)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "an integer";
        }
        return "a valid " + type.getSimpleName();
    }
}
