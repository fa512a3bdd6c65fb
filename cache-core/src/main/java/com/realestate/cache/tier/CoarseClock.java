package com.realestate.cache.tier;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link System#nanoTime()} read once every few milliseconds by one daemon thread, so that a near-cache hit can
 * check an entry's expiry with a plain memory read: on the machines we run on, reading the clock costs several
 * times a whole Caffeine lookup. Expiry is a backstop there (coherence comes from invalidations), so an entry
 * living a few milliseconds longer does not matter.
 */
final class CoarseClock {

    static final long RESOLUTION_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static volatile long now = System.nanoTime();

    static {
        Thread.ofPlatform().daemon().name("near-cache-clock").start(CoarseClock::tick);
    }

    private CoarseClock() {
    }

    /** The monotonic time of the last tick, at most {@link #RESOLUTION_NANOS} behind {@link System#nanoTime()}. */
    static long nanoTime() {
        return now;
    }

    private static void tick() {
        while (true) {
            LockSupport.parkNanos(RESOLUTION_NANOS);
            now = System.nanoTime();
        }
    }
}
