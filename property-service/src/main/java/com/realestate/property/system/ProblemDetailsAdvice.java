package com.realestate.property.system;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem: invalid input into a 400 whose {@code errors} name the fields,
 * missing or bad tokens into 401, missing roles into 403, an unreachable database into 503, the rest into 500.
 * The API's own errors ({@link org.springframework.web.ErrorResponseException}s such as 404, 412 and 429) carry
 * their problem with them and pass through Spring's handling unchanged.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String BODY = "body";

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = Stream.concat(
                        ex.getBindingResult().getFieldErrors().stream().map(ProblemDetailsAdvice::violation),
                        ex.getBindingResult().getGlobalErrors().stream()
                                .map(error -> new FieldViolation(BODY, String.valueOf(error.getDefaultMessage()))))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
        return badRequest(violations, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return badRequest(List.of(unreadable(ex)), headers, request);
    }

    /** A request without a usable bearer token. */
    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException ex, WebRequest request) {
        boolean invalidToken = ex instanceof OAuth2AuthenticationException;
        String description = invalidToken ? sanitized(ex.getMessage()) : null;
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, invalidToken
                ? "Bearer error=\"invalid_token\", error_description=\"" + description + "\""
                : "Bearer");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                invalidToken ? "The bearer token is not valid: " + description : "A bearer token is required");
        problem.setTitle("Unauthorized");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.UNAUTHORIZED, request);
    }

    /** A valid token without a role the route needs. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "The token's roles do not allow this operation");
        problem.setTitle("Forbidden");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.FORBIDDEN, request);
    }

    /**
     * A transaction whose rollback failed after its connection died: the database went away mid-request, so the
     * request may succeed later; any other transaction failure is a 500.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<Object> transactionFailed(TransactionSystemException ex, WebRequest request) {
        Throwable original = ex.getApplicationException();
        if (original instanceof DataAccessResourceFailureException || original instanceof TransientDataAccessException
                || connectionLost(ex)) {
            return databaseUnavailable(ex, request);
        }
        return unexpected(ex, request);
    }

    private static boolean connectionLost(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The database cannot be reached or does not answer in time; the request may succeed later. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
        CannotCreateTransactionException.class})
    ResponseEntity<Object> databaseUnavailable(RuntimeException ex, WebRequest request) {
        log.warn("Database unavailable: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The property database is unavailable; retry later");
        problem.setTitle("Service unavailable");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** Anything unexpected: logged with its stack trace, answered without one. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error on {}", request.getDescription(false), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> badRequest(List<FieldViolation> violations, HttpHeaders headers,
            WebRequest request) {
        InvalidRequestException invalid = new InvalidRequestException(violations);
        return handleExceptionInternal(invalid, invalid.getBody(), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static FieldViolation violation(FieldError error) {
        return new FieldViolation(error.getField(), String.valueOf(error.getDefaultMessage()));
    }

    private static FieldViolation unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (!(cause instanceof JacksonException jackson)) {
            return new FieldViolation(BODY, "is missing or unreadable");
        }
        String field = path(jackson);
        if (jackson instanceof UnrecognizedPropertyException) {
            return new FieldViolation(field, "is not a known field");
        }
        if (jackson instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new FieldViolation(field, "must be one of "
                    + Arrays.toString(format.getTargetType().getEnumConstants()));
        }
        if (jackson instanceof InvalidFormatException format && format.getTargetType() != null) {
            return new FieldViolation(field, "must be a " + describe(format.getTargetType()));
        }
        if (jackson instanceof MismatchedInputException mismatch) {
            return field.equals(BODY) ? new FieldViolation(BODY, "must be a JSON object")
                    : new FieldViolation(field, mismatch.getTargetType() == null ? "has the wrong type"
                            : "must be a " + describe(mismatch.getTargetType()));
        }
        if (!field.equals(BODY)) {
            return new FieldViolation(field, "is out of range or malformed: " + jackson.getOriginalMessage());
        }
        return new FieldViolation(BODY, "is not well-formed JSON: " + jackson.getOriginalMessage());
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? BODY : path.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "JSON object";
    }

    private static String sanitized(String text) {
        return text == null ? "" : text.replaceAll("[\"\\\\\\p{Cntrl}]", "'");
    }
}
