package com.realestate.property.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.invalidation.Invalidation;
import com.realestate.cache.invalidation.PendingInvalidation;
import com.realestate.property.support.DatabaseSliceTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The durable invalidator's outbox in PostgreSQL: what is recorded comes back until it is done. */
@DatabaseSliceTest
class JdbcInvalidationOutboxIntegrationTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private JsonMapper json;

    private JdbcInvalidationOutbox outbox() {
        return new JdbcInvalidationOutbox(jdbc, json);
    }

    private List<PendingInvalidation> pending(String... ids) {
        return outbox().pending().stream().filter(pending -> List.of(ids).contains(pending.id())).toList();
    }

    @Test
    void aRecordedInvalidationComesBackAsItWasUntilItIsDone() {
        PendingInvalidation first = new PendingInvalidation(UUID.randomUUID().toString(),
                Invalidation.of(List.of("t:{a}:property:1:detail"), List.of("t:{a}:properties:lists")), NOW);
        PendingInvalidation second = new PendingInvalidation(UUID.randomUUID().toString(), Invalidation.everything(),
                NOW.plusSeconds(1));
        outbox().record(first);
        outbox().record(second);

        assertThat(pending(first.id(), second.id())).containsExactly(first, second);

        outbox().done(first.id());
        assertThat(pending(first.id(), second.id())).containsExactly(second);
    }

    @Test
    void recordingAgainReplacesWhatIsLeft() {
        PendingInvalidation recorded = new PendingInvalidation(UUID.randomUUID().toString(),
                Invalidation.ofKeys("k1", "k2"), NOW);
        outbox().record(recorded);

        PendingInvalidation shrunk = recorded.withInvalidation(Invalidation.ofKeys("k2"));
        outbox().record(shrunk);

        assertThat(pending(recorded.id())).containsExactly(shrunk);
    }

    @Test
    void aRowThisVersionCannotReadIsTakenAsEverything() {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO pending_invalidations (id, invalidation, recorded_at)"
                        + " VALUES (:id, CAST('{\"keys\": 42}' AS jsonb), now())")
                .param("id", id).update();

        assertThat(pending(id)).singleElement()
                .satisfies(pending -> assertThat(pending.invalidation()).isEqualTo(Invalidation.everything()));
    }
}
