package com.realestate.benchmarks.data;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A property listing as the service caches it, about 1 KB of JSON: what every benchmark stores and reads, so
 * that the cache, bare Lettuce and Spring Data Redis all move the same bytes.
 */
public record Property(
        String id,
        String tenantId,
        String title,
        Address address,
        BigDecimal price,
        String currency,
        String type,
        String status,
        int bedrooms,
        int bathrooms,
        BigDecimal areaSquareMetres,
        int yearBuilt,
        List<String> features,
        String description,
        Agent agent,
        List<String> imageUrls,
        OffsetDateTime listedAt,
        OffsetDateTime updatedAt) {

    /** Where the property is. */
    public record Address(String street, String city, String postalCode, String country, double latitude,
                          double longitude) {
    }

    /** Who sells it. */
    public record Agent(String name, String email, String phone) {
    }
}
