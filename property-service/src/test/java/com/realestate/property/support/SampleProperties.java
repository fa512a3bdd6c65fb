package com.realestate.property.support;

import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies for tests: a valid property, which a test may change in one place. */
public final class SampleProperties {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SampleProperties() {
    }

    /** A valid body: a 2-bedroom, 100 m² Lisbon apartment for 400,000 EUR with two features. */
    public static ObjectNode valid() {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode address = body.putObject("address");
        address.put("line1", "1 Rua Augusta");
        address.put("city", "Lisbon");
        address.put("region", "Lisboa");
        address.put("postalCode", "1100-048");
        address.put("country", "PT");
        body.put("price", 400000);
        body.put("currency", "EUR");
        body.put("bedrooms", 2);
        body.put("bathrooms", 1);
        body.put("areaSqm", 100);
        body.put("type", "APARTMENT");
        body.put("status", "ACTIVE");
        body.putArray("features").add("balcony").add("elevator");
        return body;
    }

    /** A valid body changed by {@code change}, as JSON text. */
    public static String with(Consumer<ObjectNode> change) {
        ObjectNode body = valid();
        change.accept(body);
        return body.toString();
    }

    /** The valid body as JSON text. */
    public static String json() {
        return valid().toString();
    }
}
