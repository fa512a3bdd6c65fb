package com.realestate.property.support;

import com.realestate.property.property.Address;
import com.realestate.property.property.Property;
import com.realestate.property.property.PropertyStatus;
import com.realestate.property.property.PropertyType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Stored properties for unit tests, built without a database. */
public final class Properties {

    private static final Instant CREATED = Instant.parse("2024-05-01T10:00:00Z");

    private Properties() {
    }

    /** A Lisbon apartment at version 1 with the given price, area and features. */
    public static Property apartment(String price, String areaSqm, List<String> features) {
        return new Property("p-1", "tenant", new Address("1 Rua Augusta", "Lisbon", "Lisboa", "1100-048", "PT"),
                new BigDecimal(price), "EUR", 2, 1, new BigDecimal(areaSqm), PropertyType.APARTMENT,
                PropertyStatus.ACTIVE, features, 1, CREATED, CREATED);
    }
}
