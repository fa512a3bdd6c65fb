package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.client.CacheKey;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PendingStateTests {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    private final InMemoryInvalidationOutbox outbox = new InMemoryInvalidationOutbox();
    private final PendingState state = new PendingState(outbox, 100);

    private static PendingInvalidation pending(Invalidation invalidation) {
        return PendingInvalidation.of(invalidation, NOW);
    }

    @Test
    void aPendingInvalidationIsRecordedInTheOutbox() {
        PendingInvalidation pending = pending(Invalidation.ofKeys("k"));

        state.add(pending);

        assertThat(outbox.pending()).containsExactly(pending);
        assertThat(state.size()).isEqualTo(1);
    }

    @Test
    void aReadTouchesAPendingKeyOrGroupOfItsOwn() {
        state.add(pending(Invalidation.of(List.of("k"), List.of("g"))));

        assertThat(state.touching(CacheKey.of("k"))).isEqualTo(Invalidation.ofKeys("k"));
        assertThat(state.touching(CacheKey.of("other", "g", "h"))).isEqualTo(Invalidation.ofGroups("g"));
        assertThat(state.touching(CacheKey.of("other", "h")).isEmpty()).isTrue();
    }

    @Test
    void aPendingFlushTouchesEveryRead() {
        state.add(pending(Invalidation.everything()));

        assertThat(state.touching(CacheKey.of("anything")).flush()).isTrue();
    }

    @Test
    void whatIsDoneIsSettledAndTheOutboxToldWhenNothingIsLeft() {
        state.add(pending(Invalidation.of(List.of("k"), List.of("g"))));

        state.settle(Invalidation.ofKeys("k"), state.mark());
        assertThat(outbox.pending()).singleElement()
                .satisfies(p -> assertThat(p.invalidation()).isEqualTo(Invalidation.ofGroups("g")));

        state.settle(Invalidation.ofGroups("g"), state.mark());
        assertThat(outbox.pending()).isEmpty();
        assertThat(state.size()).isZero();
        assertThat(state.touching(CacheKey.of("k", "g")).isEmpty()).isTrue();
    }

    @Test
    void anInvalidationRecordedAfterAnAttemptBeganIsNotSettledByIt() {
        long mark = state.mark();
        state.add(pending(Invalidation.ofKeys("k")));

        state.settle(Invalidation.ofKeys("k"), mark);

        assertThat(state.touching(CacheKey.of("k"))).isEqualTo(Invalidation.ofKeys("k"));
    }

    @Test
    void aKeyPendingTwiceStaysPendingUntilBothAreSettled() {
        state.add(pending(Invalidation.ofKeys("k")));
        long mark = state.mark();
        state.add(pending(Invalidation.ofKeys("k")));

        state.settle(Invalidation.ofKeys("k"), mark);

        assertThat(state.touching(CacheKey.of("k"))).isEqualTo(Invalidation.ofKeys("k"));
        assertThat(state.size()).isEqualTo(1);
    }

    @Test
    void pastTheLimitEverythingPendingBecomesOneFlush() {
        PendingState small = new PendingState(outbox, 3);
        for (int i = 0; i < 4; i++) {
            small.add(pending(Invalidation.ofKeys("k" + i)));
        }

        assertThat(small.snapshot()).singleElement()
                .satisfies(p -> assertThat(p.invalidation()).isEqualTo(Invalidation.everything()));
        assertThat(outbox.pending()).isEqualTo(small.snapshot());
        assertThat(small.touching(CacheKey.of("unrelated")).flush()).isTrue();
    }

    @Test
    void invalidationsFromTheOutboxAreTakenOverOnce() {
        PendingInvalidation stored = pending(Invalidation.ofGroups("g"));
        outbox.record(stored);

        assertThat(state.restore(outbox.pending())).isEqualTo(1);
        assertThat(state.restore(outbox.pending())).isZero();
        assertThat(state.all()).isEqualTo(Invalidation.ofGroups("g"));
    }

    @Test
    void allJoinsEveryPendingInvalidation() {
        state.add(pending(Invalidation.ofKeys("a")));
        state.add(pending(Invalidation.of(List.of("a", "b"), List.of("g"))));

        assertThat(state.all()).isEqualTo(Invalidation.of(List.of("a", "b"), List.of("g")));
    }

    @Test
    void anOutboxThatFailsDoesNotLoseThePendingInvalidationInThisProcess() {
        PendingState withBrokenOutbox = new PendingState(new InvalidationOutbox() {
            @Override
            public void record(PendingInvalidation pending) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void done(String id) {
                throw new IllegalStateException("database down");
            }

            @Override
            public List<PendingInvalidation> pending() {
                return List.of();
            }
        }, 100);

        withBrokenOutbox.add(pending(Invalidation.ofKeys("k")));

        assertThat(withBrokenOutbox.touching(CacheKey.of("k"))).isEqualTo(Invalidation.ofKeys("k"));
    }

    /** Readers ask without a lock while another key of the same entry settles: the index must never dip. */
    @Test
    void aKeyStillPendingIsNeverSeenAsDoneWhileAnotherKeyOfItsEntrySettles() throws Exception {
        PendingState state = new PendingState(new InMemoryInvalidationOutbox(), 1_000_000);
        AtomicLong current = new AtomicLong(-1);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong wronglyDone = new AtomicLong();
        AtomicLong checks = new AtomicLong();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                long i = current.get();
                if (i >= 0) {
                    boolean seenDone = state.touching(CacheKey.of("score" + i)).isEmpty();
                    if (current.get() == i) {
                        checks.incrementAndGet();
                        if (seenDone) {
                            wronglyDone.incrementAndGet();
                        }
                    }
                }
            }
        });
        for (long i = 0; i < 100_000; i++) {
            state.add(PendingInvalidation.of(Invalidation.ofKeys("detail" + i, "score" + i), Instant.now()));
            current.set(i);
            state.settle(Invalidation.ofKeys("detail" + i), state.mark());
            current.set(-1);
            state.settle(Invalidation.ofKeys("score" + i), state.mark());
        }
        stop.set(true);
        reader.join();

        assertThat(checks.get()).isPositive();
        assertThat(wronglyDone.get()).isZero();
    }
}
