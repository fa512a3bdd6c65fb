package com.realestate.benchmarks.http;

/**
 * One response as the load generator saw it.
 *
 * @param status    the status code
 * @param bodyBytes how many body bytes it had (after de-chunking)
 * @param keepAlive whether the connection may carry the next request
 */
record HttpResponse(int status, long bodyBytes, boolean keepAlive) {

    /** Whether the status is 2xx. */
    boolean successful() {
        return status >= 200 && status < 300;
    }
}
