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
     * Longest property id accepted once {@linkplain KeyPart#encode(String) percent-encoded}: with the other id's limit,
     * every key {@link PropertyKeys} builds stays within {@link PropertyKeys#MAX_KEY_LENGTH}.
     */
    public static final int MAX_ENCODED_LENGTH = 768;

    /**
     * Validates the id.
     *
     * @throws IllegalArgumentException when {@code value} is null, blank, longer than {@value #MAX_LENGTH}, longer
     *     than {@value #MAX_ENCODED_LENGTH} once encoded, or not well-formed UTF-16
     */
    public PropertyId {
        Ids.requireValid("property id", value, MAX_LENGTH, MAX_ENCODED_LENGTH);
    }
}
