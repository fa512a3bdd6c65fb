package com.realestate.property.cache;

import com.realestate.cache.invalidation.InvalidationBus;
import com.realestate.property.events.PropertyEvent;
import com.realestate.property.events.PropertyEventRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox (the {@code property_events} rows no relay has published) on the invalidation bus, oldest
 * first, and marks them published in the same transaction that locked them. An event is marked only once Redis took
 * it, so a Redis outage or a crash between commit and publication loses nothing: the rows wait and go out later,
 * from this instance or another. Wakes after every commit and otherwise polls.
 */
final class OutboxRelay implements DisposableBean {

    static final String LAG = "property.outbox.lag";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final PropertyEventRepository events;
    private final InvalidationBus bus;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile boolean failing;

    OutboxRelay(PropertyEventRepository events, InvalidationBus bus, TransactionTemplate transactions, Clock clock,
            Duration interval, MeterRegistry registry) {
        this.events = events;
        this.bus = bus;
        this.transactions = transactions;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("outbox-relay")
                .factory());
        executor.scheduleWithFixedDelay(this::relayQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        Gauge.builder(LAG, this, OutboxRelay::lagSeconds).baseUnit("seconds")
                .description("Age of the oldest event not yet published on the invalidation bus")
                .register(registry);
    }

    /** Asks for a run now, after a commit; runs requested while one is queued are merged. */
    void wake() {
        if (woken.compareAndSet(false, true)) {
            executor.execute(() -> {
                woken.set(false);
                relayQuietly();
            });
        }
    }

    /** Publishes what waits in the outbox, batch by batch, until it is empty or Redis refuses; returns the count. */
    int relay() {
        int published = 0;
        int batch;
        do {
            batch = transactions.execute(status -> publishBatch());
            published += batch;
        } while (batch == BATCH);
        return published;
    }

    private int publishBatch() {
        List<PropertyEvent> waiting = events.findUnpublished(BATCH);
        List<Long> sent = new ArrayList<>(waiting.size());
        for (PropertyEvent event : waiting) {
            if (!bus.publish(DomainEvents.of(event))) {
                break;
            }
            sent.add(event.id());
        }
        events.markPublished(sent, clock.instant());
        if (sent.size() < waiting.size()) {
            if (!failing) {
                log.warn("The invalidation bus refused an event; {} events wait in the outbox and go out when Redis"
                        + " is back", waiting.size() - sent.size());
                failing = true;
            }
            return 0;
        }
        if (failing && !sent.isEmpty()) {
            log.info("The invalidation bus takes events again; the outbox is draining");
            failing = false;
        }
        return sent.size();
    }

    private void relayQuietly() {
        try {
            relay();
        } catch (RuntimeException e) {
            log.debug("Outbox relay run failed; the next run retries", e);
        }
    }

    private double lagSeconds() {
        try {
            return events.oldestUnpublished()
                    .map(oldest -> Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0))
                    .orElse(0.0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Stops polling and waits for a run under way, so that it ends before the database pool closes. */
    @Override
    public void destroy() throws InterruptedException {
        BackgroundWork.stop(executor);
    }
}
