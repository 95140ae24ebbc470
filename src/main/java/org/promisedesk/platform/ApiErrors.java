package org.promisedesk.platform;

import java.time.LocalDate;
import java.util.Arrays;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Problem details (RFC 9457) for every controller of the application API. Ordered before
 * Spring's generic handler so that a bad parameter is named in a {@code parameter} property and
 * in the detail. Features throw {@link InvalidParameter}, {@link NotFound} or {@link Forbidden}.
 */
@RestControllerAdvice(basePackages = "org.promisedesk")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler
    ProblemDetail invalidParameter(InvalidParameter e) {
        return badParameter(e.parameter(), e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badParameter(e.getName(), "Parameter '" + e.getName() + "' must be " + expected(e.getRequiredType()));
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
