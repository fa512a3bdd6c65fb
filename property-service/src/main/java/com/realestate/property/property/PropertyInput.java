package com.realestate.property.property;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The body of a create or a full replace: every field of a property that a client owns. The bounds match the
 * columns, so whatever passes validation can be stored exactly as given. The decimals have a maximum besides their
 * digits because {@code @Digits} counts the integer digits of a number such as {@code 1E+2147483647} in an int
 * that overflows, and lets it through.
 *
 * @param address   where the property is
 * @param price     the asking price, more than 0, at most 12 digits before the point and 2 after it
 * @param currency  the ISO 4217 code of the price
 * @param bedrooms  the number of bedrooms, 0 to 1000
 * @param bathrooms the number of bathrooms, 0 to 1000
 * @param areaSqm   the floor (or plot) area in square metres, more than 0, at most 2 decimals
 * @param type      the kind of property
 * @param status    where the listing stands
 * @param features  free-form features such as {@code balcony}; none when absent
 */
public record PropertyInput(
        @NotNull @Valid Address address,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("999999999999.99")
        @Digits(integer = 12, fraction = 2) BigDecimal price,
        @NotNull @CurrencyCode String currency,
        @NotNull @Min(0) @Max(1000) Integer bedrooms,
        @NotNull @Min(0) @Max(1000) Integer bathrooms,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("99999999.99")
        @Digits(integer = 8, fraction = 2) BigDecimal areaSqm,
        @NotNull PropertyType type,
        @NotNull PropertyStatus status,
        @Size(max = 50) List<@NotBlank @Size(max = 60) @StorableText String> features) {

    /** Scale of the stored decimals. */
    public static final int DECIMAL_SCALE = 2;

    /** Treats absent features as none and keeps the given list safe from later change. */
    public PropertyInput {
        features = features == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(features));
    }

    /** The price at the stored scale; only for a validated input. */
    public BigDecimal storedPrice() {
        return price.setScale(DECIMAL_SCALE, RoundingMode.UNNECESSARY);
    }

    /** The area at the stored scale; only for a validated input. */
    public BigDecimal storedAreaSqm() {
        return areaSqm.setScale(DECIMAL_SCALE, RoundingMode.UNNECESSARY);
    }
}
