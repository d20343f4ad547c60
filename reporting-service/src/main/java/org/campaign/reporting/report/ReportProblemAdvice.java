package org.campaign.reporting.report;

import org.campaign.service.web.InvalidRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The read model being unreachable is reported as an RFC 7807 problem (503), a bad {@code asOf}, parameter or
 * other invalid argument as a 400 problem naming what is wrong, not as an HTML or bare 500 error.
 */
@RestControllerAdvice(basePackages = "org.campaign.reporting")
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring Boot's default problem details, which name no parameter
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

    /** A request parameter that breaks its constraint (e.g. {@code period=year}): a 400 naming each parameter. */
    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(Map.of("parameter", parameterName(result.getMethodParameter()),
                        "message", String.valueOf(error.getDefaultMessage())))));
        return InvalidRequest.problem("parameters", "parameter", errors);
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        if (param != null && !param.value().isEmpty()) {
            return param.value();
        }
        return String.valueOf(parameter.getParameterName());
    }

    /** A parameter of the wrong type (e.g. {@code sector=FOO}): a 400 naming it, with what it should be. */
    @ExceptionHandler(TypeMismatchException.class)
    ProblemDetail unconvertible(TypeMismatchException e) {
        return InvalidRequest.unconvertible(String.valueOf(e.getPropertyName()), e.getValue(), e.getRequiredType());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidArgument(IllegalArgumentException e) {
        return InvalidRequest.problem(e.getMessage());
    }
}
