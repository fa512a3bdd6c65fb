package com.realestate.property.cache;

import com.realestate.cache.invalidation.Invalidation;
import com.realestate.cache.invalidation.InvalidationOutbox;
import com.realestate.cache.invalidation.PendingInvalidation;
import java.sql.Timestamp;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable invalidator's outbox in PostgreSQL ({@code pending_invalidations}): what Redis could not carry out
 * outlives the instance: the instances still running take it over ({@link PendingInvalidationTakeover}), and so
 * does whichever starts next. Writes, the relayed events, are durable through {@code property_events} already; this
 * keeps what has no row there, such as a manual invalidation made while Redis was down, and what an instance had
 * left to retry when it stopped.
 */
final class JdbcInvalidationOutbox implements InvalidationOutbox {

    private static final Logger log = LoggerFactory.getLogger(JdbcInvalidationOutbox.class);

    /** The stored form: the invalidation's three parts, and nothing else of the record. */
    private record Stored(List<String> keys, List<String> groups, boolean flush) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcInvalidationOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void record(PendingInvalidation pending) {
        jdbc.sql("""
                        INSERT INTO pending_invalidations (id, invalidation, recorded_at)
                        VALUES (:id, CAST(:invalidation AS jsonb), :recordedAt)
                        ON CONFLICT (id) DO UPDATE SET invalidation = EXCLUDED.invalidation""")
                .param("id", pending.id())
                .param("invalidation", json.writeValueAsString(new Stored(pending.invalidation().keys(),
                        pending.invalidation().groups(), pending.invalidation().flush())))
                .param("recordedAt", Timestamp.from(pending.recordedAt()))
                .update();
    }

    @Override
    public void done(String id) {
        jdbc.sql("DELETE FROM pending_invalidations WHERE id = :id").param("id", id).update();
    }

    @Override
    public List<PendingInvalidation> pending() {
        return jdbc.sql("SELECT id, invalidation, recorded_at FROM pending_invalidations ORDER BY recorded_at, id")
                .query((rs, row) -> new PendingInvalidation(rs.getString("id"),
                        invalidation(rs.getString("id"), rs.getString("invalidation")),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    /** The stored invalidation; one this version cannot read is taken as everything: a cold cache, never a stale one. */
    private Invalidation invalidation(String id, String stored) {
        try {
            Stored parts = json.readValue(stored, Stored.class);
            return new Invalidation(parts.keys(), parts.groups(), parts.flush());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.error("Pending invalidation {} cannot be read ({}); invalidating everything in its place", id,
                    e.getMessage());
            return Invalidation.everything();
        }
    }
}
