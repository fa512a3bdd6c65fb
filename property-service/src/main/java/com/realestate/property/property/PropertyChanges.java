package com.realestate.property.property;

import com.realestate.property.events.FieldChange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The field-by-field difference that an event records. Address fields are flattened to {@code address.city} and
 * so on, so a timeline shows exactly which part moved; decimals are compared at their stored scale.
 */
public final class PropertyChanges {

    private PropertyChanges() {
    }

    /** Every field of a new property, from nothing to its value. */
    public static Map<String, FieldChange> created(Property property) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        snapshot(property).forEach((field, value) -> {
            if (value != null) {
                changes.put(field, new FieldChange(null, value));
            }
        });
        return changes;
    }

    /** Every field of a deleted property, from its value to nothing. */
    public static Map<String, FieldChange> deleted(Property property) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        snapshot(property).forEach((field, value) -> {
            if (value != null) {
                changes.put(field, new FieldChange(value, null));
            }
        });
        return changes;
    }

    /** The fields that a replace with {@code input} changes; empty when it changes nothing. */
    public static Map<String, FieldChange> between(Property before, PropertyInput input) {
        Map<String, Object> after = snapshot(input);
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        snapshot(before).forEach((field, from) -> {
            Object to = after.get(field);
            if (!Objects.equals(from, to)) {
                changes.put(field, new FieldChange(from, to));
            }
        });
        return changes;
    }

    private static Map<String, Object> snapshot(Property property) {
        return snapshot(property.address(), property.price(), property.currency(), property.bedrooms(),
                property.bathrooms(), property.areaSqm(), property.type(), property.status(), property.features());
    }

    private static Map<String, Object> snapshot(PropertyInput input) {
        return snapshot(input.address(), input.storedPrice(), input.currency(), input.bedrooms(), input.bathrooms(),
                input.storedAreaSqm(), input.type(), input.status(), input.features());
    }

    private static Map<String, Object> snapshot(Address address, Object price, String currency, int bedrooms,
            int bathrooms, Object areaSqm, PropertyType type, PropertyStatus status, Object features) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("address.line1", address.line1());
        fields.put("address.city", address.city());
        fields.put("address.region", address.region());
        fields.put("address.postalCode", address.postalCode());
        fields.put("address.country", address.country());
        fields.put("price", price);
        fields.put("currency", currency);
        fields.put("bedrooms", bedrooms);
        fields.put("bathrooms", bathrooms);
        fields.put("areaSqm", areaSqm);
        fields.put("type", type.name());
        fields.put("status", status.name());
        fields.put("features", features);
        return fields;
    }
}
