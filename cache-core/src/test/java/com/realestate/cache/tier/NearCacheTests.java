package com.realestate.cache.tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.client.CacheConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NearCacheTests {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final NearCache near = new NearCache(NearCacheSettings.defaults());

    private void fill(String key, Object value, String... groups) {
        near.fill(near.stamp(key, groups), key, String.class, value, MINUTE);
    }

    @Test
    void servesNothingUntilResumed() {
        fill("k", "v");
        assertThat(near.lookup("k", String.class)).isNull();
        assertThat(near.refusedFills()).isEqualTo(1);

        near.resume();
        fill("k", "v");

        assertThat(near.lookup("k", String.class).value()).isEqualTo("v");
        assertThat(near.hits()).isEqualTo(1);
    }

    @Test
    void servesAnEntryOnlyToReadersOfTheTypeItWasStoredFor() {
        near.resume();
        fill("k", "v");

        assertThat(near.lookup("k", Integer.class)).isNull();
        assertThat(near.lookup("k", String.class)).isNotNull();
    }

    @Test
    void remembersAnAbsenceAsAnEntryWithoutValue() {
        near.resume();
        fill("k", null);

        NearCache.Entry entry = near.lookup("k", String.class);
        assertThat(entry).isNotNull();
        assertThat(entry.value()).isNull();
    }

    @Test
    void refusesAFillWhoseKeyWasInvalidatedWhileItWasBeingRead() {
        near.resume();
        NearCache.Stamp stamp = near.stamp("k");

        near.invalidate("k");
        near.fill(stamp, "k", String.class, "read before the invalidation", MINUTE);

        assertThat(near.lookup("k", String.class)).isNull();
        assertThat(near.refusedFills()).isEqualTo(1);
    }

    @Test
    void stopsServingEveryEntryOfAnInvalidatedGroupAndNoOther() {
        near.resume();
        fill("a", "1", "tenant-1");
        fill("b", "2", "tenant-1", "lists");
        fill("c", "3", "tenant-2");

        near.invalidateGroup("tenant-1");

        assertThat(near.lookup("a", String.class)).isNull();
        assertThat(near.lookup("b", String.class)).isNull();
        assertThat(near.lookup("c", String.class).value()).isEqualTo("3");
    }

    @Test
    void refusesAFillOfAGroupInvalidatedWhileItWasBeingRead() {
        near.resume();
        NearCache.Stamp stamp = near.stamp("a", "tenant-1");

        near.invalidateGroup("tenant-1");
        near.fill(stamp, "a", String.class, "old", MINUTE);

        assertThat(near.lookup("a", String.class)).isNull();
    }

    @Test
    void clearingRefusesEveryFillThatBeganBefore() {
        near.resume();
        fill("a", "1");
        NearCache.Stamp stamp = near.stamp("b");

        near.clear();
        near.fill(stamp, "b", String.class, "old", MINUTE);

        assertThat(near.lookup("a", String.class)).isNull();
        assertThat(near.lookup("b", String.class)).isNull();
    }

    @Test
    void suspendingEmptiesTheTierAndServesNothingUntilResumed() {
        near.resume();
        fill("a", "1");

        near.suspend();
        assertThat(near.lookup("a", String.class)).isNull();
        near.resume();

        assertThat(near.lookup("a", String.class)).isNull();
        assertThat(near.size()).isZero();
    }

    @Test
    void keepsAnEntryNoLongerThanTheSmallerOfItsTtlAndTheLimit() {
        NearCache shortLived = new NearCache(NearCacheSettings.maximumSize(10).withMaximumTtl(Duration.ofMillis(50)));
        shortLived.resume();
        shortLived.fill(shortLived.stamp("k"), "k", String.class, "v", Duration.ofHours(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> shortLived.lookup("k", String.class) == null);
    }

    @Test
    void keepsAnEntryUnderALimitOfCenturiesInsteadOfFailingTheRead() {
        NearCache unlimited = new NearCache(NearCacheSettings.maximumSize(10).withMaximumTtl(Duration.ofDays(365_000)));
        unlimited.resume();

        unlimited.fill(unlimited.stamp("k"), "k", String.class, "v", Duration.ofMillis(Long.MAX_VALUE));

        assertThat(unlimited.lookup("k", String.class).value()).isEqualTo("v");
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> NearCacheSettings.maximumSize(0)).isInstanceOf(CacheConfigurationException.class);
        assertThatThrownBy(() -> NearCacheSettings.defaults().withMaximumTtl(Duration.ZERO))
                .isInstanceOf(CacheConfigurationException.class);
    }

    /**
     * Readers stamp, read a versioned source, fill and look up, while a writer bumps the version and then
     * invalidates. A lookup that starts after an invalidation returned must never see an older version.
     */
    @Test
    void neverServesAVersionOlderThanTheLastInvalidationThatReturned() throws Exception {
        near.resume();
        AtomicLong source = new AtomicLong();
        AtomicLong invalidated = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        AtomicLong reads = new AtomicLong();
        int readers = 3;
        CountDownLatch started = new CountDownLatch(readers);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        List<Future<Long>> stale = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            stale.add(pool.submit(() -> {
                started.countDown();
                long violations = 0;
                while (running.get()) {
                    long floor = invalidated.get();
                    NearCache.Entry hit = near.lookup("k", Long.class);
                    long seen;
                    if (hit != null) {
                        seen = (Long) hit.value();
                        served.incrementAndGet();
                    } else {
                        NearCache.Stamp stamp = near.stamp("k", "g");
                        seen = source.get();
                        near.fill(stamp, "k", Long.class, seen, MINUTE);
                    }
                    if (seen < floor) {
                        violations++;
                    }
                    reads.incrementAndGet();
                }
                return violations;
            }));
        }
        started.await();
        for (int i = 1; i <= 5_000; i++) {
            long readsBefore = reads.get();
            while (reads.get() < readsBefore + 3) {
                Thread.onSpinWait();
            }
            source.set(i);
            if (i % 2 == 0) {
                near.invalidate("k");
            } else {
                near.invalidateGroup("g");
            }
            invalidated.set(i);
        }
        running.set(false);
        pool.shutdown();
        long violations = 0;
        for (Future<Long> reader : stale) {
            violations += reader.get();
        }
        assertThat(violations).isZero();
        assertThat(served.get()).as("the test must exercise hits, not only misses").isPositive();
    }
}
