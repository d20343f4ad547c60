package org.campaign.write.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.campaign.service.web.InvalidRequest;
import org.campaign.write.CommandRefused;
import org.campaign.write.RecordNotFound;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Answers every refused request with an RFC 7807 problem: 400 naming each invalid field or parameter (and, for a
 * value of the wrong type, what it should be), 403 and 409 with the reason the command was refused, 404 for an
 * unknown aggregate or a path no endpoint answers. In each case no event was stored.
 */
@RestControllerAdvice
public class CommandProblemAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        // A request body names its fields; a filter bound from the query string, its parameters.
        String key = ex.getParameter().hasParameterAnnotation(RequestBody.class) ? "field" : "parameter";
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of(key, error.getField(), "message", message(error)))
                .toList();
        return ResponseEntity.badRequest().body(InvalidRequest.problem(key + "s", key, errors));
    }

    private static String message(FieldError error) {
        if (error.contains(TypeMismatchException.class)) {
            TypeMismatchException mismatch = error.unwrap(TypeMismatchException.class);
            return InvalidRequest.notConvertible(mismatch.getValue(), mismatch.getRequiredType());
        }
        return String.valueOf(error.getDefaultMessage());
    }

    /** A query parameter or path variable of the wrong type: named, with what it should be. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(@NonNull TypeMismatchException ex,
                                                        @NonNull HttpHeaders headers,
                                                        @NonNull HttpStatusCode status,
                                                        @NonNull WebRequest request) {
        return ResponseEntity.badRequest().body(InvalidRequest.unconvertible(String.valueOf(ex.getPropertyName()),
                ex.getValue(), ex.getRequiredType()));
    }

    /** A path no endpoint answers (not a missing record, which names its id). */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(@NonNull NoResourceFoundException ex,
                                                                    @NonNull HttpHeaders headers,
                                                                    @NonNull HttpStatusCode status,
                                                                    @NonNull WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No endpoint " + ex.getHttpMethod() + " /" + ex.getResourcePath());
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException ex,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableReason(ex));
        problem.setTitle("Unreadable request body");
        return ResponseEntity.badRequest().body(problem);
    }

    private static String unreadableReason(HttpMessageNotReadableException ex) {
        if (ex.getCause() instanceof InvalidFormatException invalid) {
            String field = fieldPath(invalid);
            String allowed = invalid.getTargetType().isEnum()
                    ? "; allowed: " + List.of(invalid.getTargetType().getEnumConstants()) : "";
            return "Field '" + field + "' has an invalid value '" + invalid.getValue() + "'" + allowed;
        }
        if (ex.getCause() instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            return "Field '" + fieldPath(mismatched) + "' has the wrong type";
        }
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            // E.g. a whole number too large for its field.
            return "Field '" + fieldPath(mapping) + "' has a value out of its range";
        }
        return "The request body is not valid JSON";
    }

    private static String fieldPath(JsonMappingException ex) {
        return ex.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    @ExceptionHandler(CommandRefused.class)
    ProblemDetail refused(CommandRefused ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setTitle(ex.status() == HttpStatus.FORBIDDEN ? "Not permitted" : "Not allowed in this state");
        return problem;
    }

    /** An unknown record, named as the service knows it ({@link RecordNotFound#detail}). */
    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, RecordNotFound.detail(ex));
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class,
            LockAcquisitionFailedException.class})
    ProblemDetail concurrent(RuntimeException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The record was changed by someone else at the same time; reload it and try again");
        problem.setTitle("Concurrent change");
        return problem;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof CommandRefused refused) {
            return refused(refused);
        }
        if (cause instanceof ConcurrencyException || cause instanceof ConflictingModificationException) {
            return concurrent((RuntimeException) cause);
        }
        throw ex;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException ex) {
        return InvalidRequest.problem(ex.getMessage());
    }
}
