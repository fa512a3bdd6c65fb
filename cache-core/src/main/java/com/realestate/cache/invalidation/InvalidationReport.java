package com.realestate.cache.invalidation;

import java.util.List;
import java.util.Objects;

/**
 * What an invalidation did: what was carried out, what Redis could not carry out (and so may still be served
 * by the cache), and how many keys a flush removed. Callers and logs can say exactly that, and the failed part
 * is ready to be retried.
 *
 * @param done        the keys and groups invalidated (a key that was already absent counts as done), and
 *                    {@code flush} when a flush reached the end of the keyspace
 * @param failed      what could not be carried out; empty when the invalidation is {@link #complete()}
 * @param keysFlushed keys a flush removed (0 when there was no flush)
 */
public record InvalidationReport(Invalidation done, Invalidation failed, long keysFlushed) {

    private static final InvalidationReport NONE = new InvalidationReport(Invalidation.nothing(), Invalidation.nothing(), 0);

    /** Validates the parts. */
    public InvalidationReport {
        Objects.requireNonNull(done, "done");
        Objects.requireNonNull(failed, "failed");
        if (keysFlushed < 0) {
            throw new IllegalArgumentException("keysFlushed must be >= 0, was " + keysFlushed);
        }
    }

    /** A report of nothing to do, which is complete. */
    public static InvalidationReport none() {
        return NONE;
    }

    /** {@code true} when everything asked for was carried out. */
    public boolean complete() {
        return failed.isEmpty();
    }

    /** The keys invalidated. */
    public List<String> keysInvalidated() {
        return done.keys();
    }

    /** The groups invalidated. */
    public List<String> groupsInvalidated() {
        return done.groups();
    }

    /** The keys that may still be served. */
    public List<String> failedKeys() {
        return failed.keys();
    }

    /** The groups whose old entries may still be served. */
    public List<String> failedGroups() {
        return failed.groups();
    }

    /** Both reports as one, for an event several strategies handled. */
    public InvalidationReport and(InvalidationReport other) {
        Invalidation allDone = done.and(other.done);
        return new InvalidationReport(allDone, failed.and(other.failed).without(allDone), keysFlushed + other.keysFlushed);
    }
}
