package com.realestate.property.events;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code property_events} table: each property's timeline and, through {@code published_at}, the
 * transactional outbox. Events are appended in the caller's transaction, so they commit or roll back with the
 * write that caused them.
 */
@Repository
public class PropertyEventRepository {

    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, tenant_id, property_id, type, occurred_at, changes, published_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;

    /**
     * A repository on the given client; decimals in changes are read back as exact {@code BigDecimal}s, and every
     * appended event is announced to the application (so that caches can act once its transaction commits).
     */
    public PropertyEventRepository(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.json = json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    /** Records the event in the current transaction, announces it as {@link PropertyEventAppended}, returns its id. */
    public long append(NewEvent event) {
        long id = jdbc.sql("""
                        INSERT INTO property_events (tenant_id, property_id, type, occurred_at, changes)
                        VALUES (:tenant, :property, :type, :occurredAt, CAST(:changes AS jsonb))
                        RETURNING id""")
                .param("tenant", event.tenant().value())
                .param("property", event.property().value())
                .param("type", event.type().wireName())
                .param("occurredAt", timestamp(event.occurredAt()))
                .param("changes", json.writeValueAsString(event.changes()))
                .query(Long.class)
                .single();
        publisher.publishEvent(new PropertyEventAppended(id, event));
        return id;
    }

    /** When the oldest event still waiting in the outbox happened, if one is waiting: the relay's lag. */
    public Optional<Instant> oldestUnpublished() {
        return jdbc.sql("SELECT min(occurred_at) FROM property_events WHERE published_at IS NULL")
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    /** The property's events, oldest first. */
    public List<PropertyEvent> findByProperty(TenantId tenant, PropertyId property) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM property_events"
                        + " WHERE tenant_id = :tenant AND property_id = :property ORDER BY id")
                .param("tenant", tenant.value())
                .param("property", property.value())
                .query(this::event)
                .list();
    }

    /** The property's most recent event of the given type, if it has one. */
    public Optional<PropertyEvent> findLatest(TenantId tenant, PropertyId property, EventType type) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM property_events"
                        + " WHERE tenant_id = :tenant AND property_id = :property AND type = :type"
                        + " ORDER BY id DESC LIMIT 1")
                .param("tenant", tenant.value())
                .param("property", property.value())
                .param("type", type.wireName())
                .query(this::event)
                .optional();
    }

    /**
     * Up to {@code limit} events that no relay has published yet, oldest first. Called inside a transaction, the
     * rows stay locked until it ends and concurrent relays skip them, so two relays never publish one event.
     */
    public List<PropertyEvent> findUnpublished(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM property_events WHERE published_at IS NULL"
                        + " ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("limit", limit)
                .query(this::event)
                .list();
    }

    /** Marks the events as published at the given time and returns how many were still unpublished. */
    public int markPublished(Collection<Long> ids, Instant publishedAt) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE property_events SET published_at = :publishedAt"
                        + " WHERE id IN (:ids) AND published_at IS NULL")
                .param("publishedAt", timestamp(publishedAt))
                .param("ids", List.copyOf(ids))
                .update();
    }

    /** How many events the tenant has, for checks that a write left nothing behind. */
    public long countByTenant(TenantId tenant) {
        return jdbc.sql("SELECT count(*) FROM property_events WHERE tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(Long.class)
                .single();
    }

    private PropertyEvent event(ResultSet rs, int row) throws SQLException {
        OffsetDateTime published = rs.getObject("published_at", OffsetDateTime.class);
        Map<String, FieldChange> changes = json.readValue(rs.getString("changes"), CHANGES);
        return new PropertyEvent(
                rs.getLong("id"),
                new TenantId(rs.getString("tenant_id")),
                new PropertyId(rs.getString("property_id")),
                EventType.fromWireName(rs.getString("type")),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                changes,
                published == null ? null : published.toInstant());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
