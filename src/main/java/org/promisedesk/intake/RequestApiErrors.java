package org.promisedesk.intake;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 400 for a body that is JSON but no object, and for a request the intake process itself rejects
 * ({@code Task_OpenRequest} names the fields; {@link RequestOpening} checks the same rules first, so
 * that is the safety net); 422 for an {@code Idempotency-Key} used before with another body. The
 * other answers are the platform's problem details.
 */
@RestControllerAdvice(assignableTypes = RequestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestApiErrors {

    @ExceptionHandler
    ProblemDetail rejectedByTheProcess(BadUserRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotentOpenings.KeyReused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle("Idempotency-Key reused");
        problem.setProperty("parameter", IdempotentOpenings.HEADER);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notAnObject(RequestSubmission.NotAnObject e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request body");
        return problem;
    }
}
