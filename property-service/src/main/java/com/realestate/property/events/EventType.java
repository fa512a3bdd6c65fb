package com.realestate.property.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** What happened to a property; the wire name is what the timeline shows and the relay reads. */
public enum EventType {
    PROPERTY_CREATED("property.created"),
    PROPERTY_UPDATED("property.updated"),
    PROPERTY_DELETED("property.deleted"),
    SCORE_CALCULATED("score.calculated");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name stored in the database and shown in JSON, such as {@code property.created}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /**
     * The type with the given wire name.
     *
     * @throws IllegalArgumentException when no type has that name
     */
    public static EventType fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event type '" + wireName + "'"));
    }
}
