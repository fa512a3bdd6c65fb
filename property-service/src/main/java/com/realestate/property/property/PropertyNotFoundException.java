package com.realestate.property.property;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No property with the id exists in the caller's tenant. A property of another tenant is reported the same way,
 * word for word, so that ids of other tenants cannot be probed.
 */
public class PropertyNotFoundException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /** The 404 problem for an unknown id. */
    public PropertyNotFoundException() {
        super(HttpStatus.NOT_FOUND, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No property with this id exists");
        problem.setTitle("Property not found");
        return problem;
    }
}
