package com.realestate.property.property;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Where a property is. Line 1, city and country are required; region and postal code are optional because not
 * every country has them.
 *
 * @param line1      street and number
 * @param city       the city; filters and comparables match it case-insensitively
 * @param region     the state, province or region, if the country has one
 * @param postalCode the postal code, if the country has one
 * @param country    the country
 */
public record Address(
        @NotBlank @Size(max = 200) @StorableText String line1,
        @NotBlank @Size(max = 100) @StorableText String city,
        @Size(max = 100) @StorableText String region,
        @Size(max = 20) @StorableText String postalCode,
        @NotBlank @Size(max = 100) @StorableText String country) {
}
