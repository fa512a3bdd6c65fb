package com.realestate.property.system;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The request is malformed or out of range; answered as a 400 problem whose {@code errors} name each field. */
public class InvalidRequestException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /** The name of the problem member that lists the {@link FieldViolation}s. */
    public static final String ERRORS = "errors";

    private final transient List<FieldViolation> violations;

    /** An exception for the given violations, at least one. */
    public InvalidRequestException(List<FieldViolation> violations) {
        super(HttpStatus.BAD_REQUEST, problem(violations), null);
        this.violations = List.copyOf(violations);
    }

    /** An exception for one violation. */
    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldViolation(field, message)));
    }

    /** The violations, in the order they were found. */
    public List<FieldViolation> violations() {
        return violations;
    }

    /** The 400 problem for the violations, shared by every kind of invalid input. */
    public static ProblemDetail problem(List<FieldViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request needs at least one violation");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                violations.size() == 1 ? "Invalid " + violations.getFirst().field() + ": "
                        + violations.getFirst().message()
                        : "The request has " + violations.size() + " invalid fields");
        problem.setTitle("Invalid request");
        problem.setProperty(ERRORS, List.copyOf(violations));
        return problem;
    }
}
