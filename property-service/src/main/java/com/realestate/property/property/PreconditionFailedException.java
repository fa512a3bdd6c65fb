package com.realestate.property.property;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The client's {@code If-Match} names a version that is no longer current: applying its write would lose someone
 * else's update. Answered as 412 with the current ETag, so the client can fetch, merge and retry.
 */
public final class PreconditionFailedException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /** A 412 problem telling the client the current entity tag. */
    public PreconditionFailedException(String currentEntityTag) {
        super(HttpStatus.PRECONDITION_FAILED, problem(), null);
        getHeaders().setETag(currentEntityTag);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
                "The property has changed since the version named in If-Match; fetch it again and retry");
        problem.setTitle("Precondition failed");
        return problem;
    }
}
