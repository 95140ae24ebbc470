package org.promisedesk.renewal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 409 for a payment that cannot renew the service. The other answers (400 naming the field, 404,
 * 403) are the platform's problem details, thrown by {@link RenewalController}.
 */
@RestControllerAdvice(basePackageClasses = RenewalApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RenewalApiErrors {

    @ExceptionHandler
    ProblemDetail conflict(RenewalRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Service cannot be renewed");
        return problem;
    }
}
