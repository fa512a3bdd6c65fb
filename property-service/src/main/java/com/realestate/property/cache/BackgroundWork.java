package com.realestate.property.cache;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** How the service's background pollers stop: a run under way ends before the database pool and Redis close. */
final class BackgroundWork {

    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private BackgroundWork() {
    }

    /** Starts no new run, waits up to five seconds for the one under way, then interrupts it. */
    static void stop(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
        }
    }
}
