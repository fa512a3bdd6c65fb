package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryInvalidationOutboxTests {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private final InMemoryInvalidationOutbox outbox = new InMemoryInvalidationOutbox();

    @Test
    void recordingTheSameIdReplacesItInPlace() {
        PendingInvalidation first = PendingInvalidation.of(Invalidation.ofKeys("a", "b"), NOW);
        PendingInvalidation second = PendingInvalidation.of(Invalidation.ofKeys("c"), NOW);
        outbox.record(first);
        outbox.record(second);

        outbox.record(first.withInvalidation(Invalidation.ofKeys("b")));

        assertThat(outbox.pending()).containsExactly(first.withInvalidation(Invalidation.ofKeys("b")), second);
    }

    @Test
    void doneForgetsThePendingInvalidation() {
        PendingInvalidation pending = PendingInvalidation.of(Invalidation.ofKeys("a"), NOW);
        outbox.record(pending);

        outbox.done(pending.id());
        outbox.done("unknown");

        assertThat(outbox.pending()).isEmpty();
    }
}
