package com.realestate.property.invalidation;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The tenant asked too often; answered as 429 with {@code Retry-After} in whole seconds, at least 1. */
public final class RateLimitedException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    /** A 429 problem telling the client how long to wait. */
    public RateLimitedException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(seconds(retryAfter)), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    }

    private static long seconds(Duration retryAfter) {
        long millis = Math.max(0, retryAfter.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    private static ProblemDetail problem(long seconds) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many cache invalidations for this tenant; retry in " + seconds + " s");
        problem.setTitle("Too many requests");
        return problem;
    }
}
