package com.realestate.property.invalidation;

import java.util.List;

/**
 * The answer to an invalidation: what was (or would be) dropped.
 *
 * @param propertyId the property
 * @param keys       the exact cache keys
 * @param groups     the key groups
 * @param performed  whether the cache was actually touched
 * @param detail     a short account of what happened
 */
public record InvalidationResponse(String propertyId, List<String> keys, List<String> groups, boolean performed,
        String detail) {

    /** The response for a request and the port's result. */
    public static InvalidationResponse of(InvalidationRequest request, InvalidationResult result) {
        return new InvalidationResponse(request.property().value(), request.keys(), request.groups(),
                result.performed(), result.detail());
    }
}
