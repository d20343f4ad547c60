package org.campaign.service.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.time.LocalDate;
import java.util.Arrays;
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
     * A 400 for a request parameter or path variable that cannot be read as its type, naming it and saying what it
     * should be: one of an enum's constants, a whole number, a number, a date or true/false.
     */
    public static ProblemDetail unconvertible(String parameter, Object value, Class<?> type) {
        return problem("parameters", "parameter", List.of(Map.of("parameter", parameter,
                "message", notConvertible(value, type))));
    }

    /** Why {@code value} is not a {@code type}: {@code "'x' is not one of A, B"}, {@code "… a whole number"}… */
    public static String notConvertible(Object value, Class<?> type) {
        String expected;
        if (type != null && type.isEnum()) {
            expected = "one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            expected = "a whole number";
        } else if (type == boolean.class || type == Boolean.class) {
            expected = "true or false";
        } else if (type == LocalDate.class) {
            expected = "a date (yyyy-mm-dd)";
        } else if (type != null && Number.class.isAssignableFrom(type)) {
            expected = "a number";
        } else {
            expected = "a valid value";
        }
        return "'" + value + "' is not " + expected;
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
