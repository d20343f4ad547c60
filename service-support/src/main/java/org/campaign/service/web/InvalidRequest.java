package org.campaign.service.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The 400 problems of invalid requests: one whose detail says what is invalid, or one that names each invalid field
 * or parameter and says why in its errors.
 */
public final class InvalidRequest {

    private InvalidRequest() {
    }

    /** A 400 whose detail says what is invalid. */
    public static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        return problem;
    }

    /**
     * {@code "Invalid <what>: a, b"}, with the errors as given: each a map naming the invalid item under {@code key}
     * and a {@code message}.
     */
    public static ProblemDetail problem(String what, String key, List<Map<String, String>> errors) {
        String names = errors.stream().map(error -> error.get(key)).distinct().collect(Collectors.joining(", "));
        ProblemDetail problem = problem("Invalid " + what + ": " + names);
        problem.setProperty("errors", errors);
        return problem;
    }
}
