package com.realestate.property.property;

import com.realestate.cache.key.PropertyId;
import java.util.UUID;

/** Makes new property ids and reads the ones clients send. */
public final class PropertyIds {

    private PropertyIds() {
    }

    /** A new random id: a version 4 UUID as text, unguessable and unique across tenants. */
    public static PropertyId generate() {
        return new PropertyId(UUID.randomUUID().toString());
    }

    /**
     * The id in a request path. An id that cannot exist (blank, too long, malformed text) is simply not found,
     * as any other unknown id.
     *
     * @throws PropertyNotFoundException when the text cannot be a property id
     */
    public static PropertyId fromPath(String raw) {
        try {
            return new PropertyId(raw);
        } catch (IllegalArgumentException e) {
            throw new PropertyNotFoundException();
        }
    }
}
