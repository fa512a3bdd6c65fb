package com.realestate.property.property;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A stored property as the API shows it: the client's fields plus the identity, the tenant, the version that
 * optimistic concurrency checks and the audit times.
 *
 * @param id        the opaque id
 * @param tenantId  the tenant that owns it
 * @param address   where it is
 * @param price     the asking price, with 2 decimals
 * @param currency  the ISO 4217 code of the price
 * @param bedrooms  the number of bedrooms
 * @param bathrooms the number of bathrooms
 * @param areaSqm   the area in square metres, with 2 decimals
 * @param type      the kind of property
 * @param status    where the listing stands
 * @param features  free-form features
 * @param version   1 on creation, one more on every change
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Property(
        String id,
        String tenantId,
        Address address,
        BigDecimal price,
        String currency,
        int bedrooms,
        int bathrooms,
        BigDecimal areaSqm,
        PropertyType type,
        PropertyStatus status,
        List<String> features,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    /** Validates that every required part is present and copies the features. */
    public Property {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(areaSqm, "areaSqm");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        features = List.copyOf(features);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive, was " + version);
        }
    }
}
