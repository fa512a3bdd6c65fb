package com.realestate.cache.client;

import java.time.Duration;
import java.util.Objects;

/**
 * The remaining life of a key. Redis answers "no such key" and "no expiry" with different codes;
 * this type keeps them apart, and says so when Redis could not be asked at all.
 */
public sealed interface KeyTtl {

    /** The key exists and expires after {@code remaining}. */
    record Expiring(Duration remaining) implements KeyTtl {
        public Expiring {
            Objects.requireNonNull(remaining, "remaining");
        }
    }

    /** The key exists and never expires. */
    record Persistent() implements KeyTtl {
    }

    /** There is no such key. */
    record Missing() implements KeyTtl {
    }

    /** Redis could not be asked (unreachable, too slow or breaker open). */
    record Unknown() implements KeyTtl {
    }

    /** Maps Redis' {@code PTTL} reply: -2 no key, -1 no expiry, otherwise milliseconds left. */
    static KeyTtl fromPttl(long millis) {
        if (millis == -2) {
            return new Missing();
        }
        if (millis == -1) {
            return new Persistent();
        }
        return new Expiring(Duration.ofMillis(millis));
    }
}
