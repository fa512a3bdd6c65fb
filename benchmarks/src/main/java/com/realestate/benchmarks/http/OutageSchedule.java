package com.realestate.benchmarks.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pauses a process (SIGSTOP: its sockets stay open and nothing answers, the harshest outage for a client) and
 * resumes it (SIGCONT) at fixed times of the measured window; closing resumes it in any case.
 */
final class OutageSchedule implements AutoCloseable {

    private final LoadOptions.Outage outage;
    private final ScheduledExecutorService timer;

    private OutageSchedule(LoadOptions.Outage outage, long measureFromNanos) {
        this.outage = outage;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("outage").factory());
        long now = System.nanoTime();
        timer.schedule(() -> signal("STOP"), measureFromNanos + outage.from().toNanos() - now, TimeUnit.NANOSECONDS);
        timer.schedule(() -> signal("CONT"), measureFromNanos + outage.to().toNanos() - now, TimeUnit.NANOSECONDS);
    }

    /** The schedule of the outage, or {@code null} when there is none (try-with-resources then skips it). */
    static OutageSchedule start(LoadOptions.Outage outage, long measureFromNanos) {
        return outage == null ? null : new OutageSchedule(outage, measureFromNanos);
    }

    private void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(outage.pid())).inheritIO().start()
                    .waitFor();
            System.err.printf("outage: SIG%s sent to pid %d (exit %d)%n", signal, outage.pid(), exit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        signal("CONT");
    }
}
