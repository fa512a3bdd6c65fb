package com.realestate.cache.client;

/**
 * Internal signal that a command could not be carried out (breaker open, not connected, timed out, I/O).
 * It never leaves the client: callers see a miss or a failed outcome. No stack trace, because it is
 * thrown on every call during an outage and the cause is logged where it is known.
 */
final class RedisUnavailableException extends RuntimeException {

    /** Why the command did not run, also the {@code kind} tag of the error counter. */
    enum Reason {
        BREAKER_OPEN("breaker_open"),
        NOT_CONNECTED("not_connected"),
        TIMEOUT("timeout"),
        CONNECTION("connection"),
        /** Redis answered that it cannot serve now: CLUSTERDOWN, TRYAGAIN, LOADING… */
        REFUSED("refused");

        final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }

    private final Reason reason;

    RedisUnavailableException(Reason reason) {
        super(reason.tag, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
