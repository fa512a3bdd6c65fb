package com.realestate.cache.invalidation;

import com.realestate.cache.client.CacheException;
import java.util.Optional;

/**
 * A domain event that cannot be trusted to say what changed: not JSON, a field missing, blank or of the wrong
 * shape. Nothing is invalidated for it; the message names the field so the publisher can be fixed.
 */
public class MalformedEventException extends CacheException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /** An event whose {@code field} is wrong in the way {@code problem} says. */
    public MalformedEventException(String field, String problem) {
        this(field, problem, null);
    }

    /** As {@link #MalformedEventException(String, String)}, with the parser's exception as the cause. */
    public MalformedEventException(String field, String problem, Throwable cause) {
        super(field == null ? "malformed event: " + problem : "malformed event field '" + field + "': " + problem, cause);
        this.field = field;
    }

    /** The offending field (a dotted path such as {@code payload.price}), or empty when the whole event is wrong. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
