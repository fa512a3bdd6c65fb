package com.realestate.cache.key;

/**
 * The tenant a cached value belongs to, as an opaque string. Every key names its tenant, so a typed id keeps
 * a tenant from being passed where a property id belongs, and bounds its length once, here.
 *
 * @param value the tenant's id: not blank, at most {@value #MAX_LENGTH} UTF-16 chars, taken as is (not trimmed)
 */
public record TenantId(String value) {

    /** Longest tenant id accepted, in UTF-16 chars. */
    public static final int MAX_LENGTH = 128;

    /**
     * Longest tenant id accepted once {@linkplain KeyPart#encode(String) percent-encoded}: with the other id's limit,
     * every key {@link PropertyKeys} builds stays within {@link PropertyKeys#MAX_KEY_LENGTH}.
     */
    public static final int MAX_ENCODED_LENGTH = 224;

    /**
     * Validates the id.
     *
     * @throws IllegalArgumentException when {@code value} is null, blank, longer than {@value #MAX_LENGTH}, longer
     *     than {@value #MAX_ENCODED_LENGTH} once encoded, or not well-formed UTF-16
     */
    public TenantId {
        Ids.requireValid("tenant id", value, MAX_LENGTH, MAX_ENCODED_LENGTH);
    }
}
