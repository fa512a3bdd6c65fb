package com.realestate.cache.key;

/**
 * The id of a property listing within its tenant, as an opaque string. A type of its own keeps it from being
 * swapped with the tenant in a key builder's arguments.
 *
 * @param value the property's id: not blank, at most {@value #MAX_LENGTH} UTF-16 chars, taken as is (not trimmed)
 */
public record PropertyId(String value) {

    /** Longest property id accepted, in UTF-16 chars. */
    public static final int MAX_LENGTH = 256;

    /**
     * Validates the id.
     *
     * @throws IllegalArgumentException when {@code value} is null, blank, longer than {@value #MAX_LENGTH} or
     *     not well-formed UTF-16
     */
    public PropertyId {
        Ids.requireValid("property id", value, MAX_LENGTH);
    }
}
