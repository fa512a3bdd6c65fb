package com.realestate.cache.invalidation;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A change in the Property API's data that cached values may depend on, as published by the service that made it.
 * Validated at construction, so that a strategy never acts on half an event; the JSON form is what travels on the
 * {@link InvalidationBus}.
 *
 * @param id         unique id of the event, so that a repeated delivery is recognised (at most
 *                   {@value #MAX_ID_LENGTH} characters, no control characters)
 * @param type       {@code <entity>.<action>} in lower case, such as {@code property.updated} or
 *                   {@code timeline.note_added}
 * @param tenantId   the tenant whose data changed, by {@link TenantId}'s rules
 * @param entityId   the changed entity (a property for the built-in types), by {@link PropertyId}'s rules
 * @param occurredAt when the change happened
 * @param payload    details for strategies: JSON values only, copied and unmodifiable; empty when absent
 */
public record DomainEvent(
        String id, String type, String tenantId, String entityId, Instant occurredAt, Map<String, Object> payload) {

    /** Longest event id accepted. */
    public static final int MAX_ID_LENGTH = 128;
    /** Longest event type accepted. */
    public static final int MAX_TYPE_LENGTH = 100;

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*");

    /**
     * Validates every field.
     *
     * @throws MalformedEventException naming the first field that is missing, blank or of the wrong shape
     */
    public DomainEvent {
        requireId(id);
        requireType(type);
        requireId("tenantId", tenantId, () -> new TenantId(tenantId));
        requireId("entityId", entityId, () -> new PropertyId(entityId));
        if (occurredAt == null) {
            throw new MalformedEventException("occurredAt", "is missing");
        }
        payload = payload == null ? Map.of() : JsonPayload.copy(payload);
    }

    /** A new event with a random id, happening now. */
    public static DomainEvent of(String type, TenantId tenant, PropertyId entity, Map<String, ?> payload) {
        return new DomainEvent(UUID.randomUUID().toString(), type, tenant.value(), entity.value(), Instant.now(),
                new LinkedHashMap<>(payload));
    }

    /** A new event with a random id, happening now, with no payload. */
    public static DomainEvent of(String type, TenantId tenant, PropertyId entity) {
        return of(type, tenant, entity, Map.of());
    }

    /**
     * Reads an event from its JSON form, refusing unknown fields.
     *
     * @throws MalformedEventException when {@code json} is not a valid event, naming the field when it can
     */
    public static DomainEvent fromJson(String json) {
        return EventJson.read(json);
    }

    /** The JSON form, exact for {@code BigDecimal} payload values and the instant's nanoseconds. */
    public String toJson() {
        return EventJson.write(this);
    }

    /** The tenant as a typed id. */
    public TenantId tenant() {
        return new TenantId(tenantId);
    }

    /** The entity as a property id, for the built-in types, whose entity is always a property. */
    public PropertyId property() {
        return new PropertyId(entityId);
    }

    private static void requireId(String id) {
        requirePresent("id", id);
        if (id.length() > MAX_ID_LENGTH) {
            throw new MalformedEventException("id", "must be at most " + MAX_ID_LENGTH + " characters, was " + id.length());
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw new MalformedEventException("id", "must not contain control characters");
        }
    }

    private static void requireType(String type) {
        requirePresent("type", type);
        if (type.length() > MAX_TYPE_LENGTH || !TYPE.matcher(type).matches()) {
            throw new MalformedEventException("type", "must look like 'entity.action' in lower case letters, digits"
                    + " and underscores (such as 'property.updated'), was '" + abbreviate(type) + "'");
        }
    }

    private static void requireId(String field, String value, Runnable typedCheck) {
        requirePresent(field, value);
        try {
            typedCheck.run();
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(field, e.getMessage(), e);
        }
    }

    private static void requirePresent(String field, String value) {
        if (value == null) {
            throw new MalformedEventException(field, "is missing");
        }
        if (value.isBlank()) {
            throw new MalformedEventException(field, "must not be blank");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
