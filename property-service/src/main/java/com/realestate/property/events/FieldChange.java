package com.realestate.property.events;

/**
 * How one field changed: its value before and after, as JSON values ({@code null} when the field did not
 * exist before, as on creation, or no longer exists, as on deletion).
 *
 * @param from the value before the change
 * @param to   the value after the change
 */
public record FieldChange(Object from, Object to) {
}
