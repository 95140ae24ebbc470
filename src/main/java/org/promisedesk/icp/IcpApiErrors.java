package org.promisedesk.icp;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details (RFC 9457) for the filing's API. */
@RestControllerAdvice(basePackageClasses = IcpApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IcpApiErrors {

    @ExceptionHandler
    ProblemDetail photoRejected(PhotoRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.status().getReasonPhrase());
        return problem;
    }
}
