package org.campaign.reporting.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The read model being unreachable is reported as an RFC 7807 problem (503), a bad {@code asOf} or other invalid
 * argument as a 400 problem, not as an HTML or bare 500 error.
 */
@RestControllerAdvice(basePackages = "org.campaign.reporting")
class ReportProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ReportProblemAdvice.class);

    @ExceptionHandler(DataAccessException.class)
    ProblemDetail readModelUnavailable(DataAccessException e) {
        log.warn("Read model unavailable: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The statistics cannot be read right now; try again shortly.");
        problem.setTitle("Statistics unavailable");
        return problem;
    }

    @ExceptionHandler(com.mongodb.MongoException.class)
    ProblemDetail mongoUnavailable(com.mongodb.MongoException e) {
        log.warn("Read model unavailable: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The statistics cannot be read right now; try again shortly.");
        problem.setTitle("Statistics unavailable");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidArgument(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        return problem;
    }
}
