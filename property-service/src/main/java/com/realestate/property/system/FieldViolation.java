package com.realestate.property.system;

import java.util.Objects;

/**
 * One reason a request was refused, tied to the field or query parameter at fault, as listed in the
 * {@code errors} member of a 400 problem.
 *
 * @param field   the path of the field ({@code address.city}, {@code features[0]}) or the parameter name
 * @param message what is wrong with it
 */
public record FieldViolation(String field, String message) {

    /** Validates that both parts are present. */
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
