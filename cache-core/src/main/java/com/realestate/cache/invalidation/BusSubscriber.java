package com.realestate.cache.invalidation;

import com.github.benmanes.caffeine.cache.Cache;
import com.realestate.cache.client.StreamListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the events of the stream, one at a time on the subscription's thread: skips (and counts) malformed
 * payloads and events already applied, and tells the {@link BusListener} everything else that happens.
 */
final class BusSubscriber implements StreamListener {

    static final String SKIPPED = "cache.invalidation.bus.skipped";
    static final String GAPS = "cache.invalidation.bus.gaps";
    private static final Logger log = LoggerFactory.getLogger(BusSubscriber.class);

    private final String stream;
    private final EventDrivenInvalidator handler;
    private final BusListener listener;
    private final Cache<String, Boolean> applied;
    private final Counter malformed;
    private final Counter duplicates;
    private final Counter gaps;
    private final LogThrottle malformedWarnings = new LogThrottle(Duration.ofSeconds(10));

    BusSubscriber(String stream, EventDrivenInvalidator handler, BusListener listener, MeterRegistry registry,
                  Cache<String, Boolean> applied) {
        this.stream = stream;
        this.handler = handler;
        this.listener = listener;
        this.applied = applied;
        this.malformed = skipped(registry, "malformed");
        this.duplicates = skipped(registry, "duplicate");
        this.gaps = Counter.builder(GAPS).description("Times invalidation events were trimmed before they were read")
                .tag("stream", stream).register(registry);
    }

    @Override
    public void onEvent(String id, String payload) {
        DomainEvent event;
        try {
            event = DomainEvent.fromJson(payload);
        } catch (MalformedEventException e) {
            malformed.increment();
            long suppressed = malformedWarnings.permit();
            if (suppressed >= 0) {
                log.warn("Skipped entry {} of '{}': {} ({} similar warnings suppressed)", id, stream, e.getMessage(),
                        suppressed);
            }
            return;
        }
        if (applied.getIfPresent(event.id()) != null) {
            duplicates.increment();
            return;
        }
        InvalidationReport report = handler.handle(event);
        if (report.complete()) {
            applied.put(event.id(), Boolean.TRUE);
        }
        notify(() -> listener.onApplied(event, report));
    }

    @Override
    public void onGap(String lastDeliveredId) {
        gaps.increment();
        log.warn("Invalidation events of '{}' after {} were trimmed before this process read them. Redis itself is"
                + " shared and was invalidated by the publishers, so nothing more is invalidated here; state kept in"
                + " this process only must be dropped (BusListener.onGap)", stream, lastDeliveredId);
        notify(() -> listener.onGap(lastDeliveredId));
    }

    @Override
    public void onDisconnect() {
        notify(listener::onDisconnect);
    }

    @Override
    public void onResume(String lastDeliveredId) {
        log.info("Invalidation bus '{}' reconnected; catching up after {}", stream, lastDeliveredId);
        notify(() -> listener.onResume(lastDeliveredId));
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("A BusListener of '{}' failed; the bus goes on", stream, e);
        }
    }

    private Counter skipped(MeterRegistry registry, String reason) {
        return Counter.builder(SKIPPED).description("Invalidation events not applied, by reason")
                .tags("stream", stream, "reason", reason).register(registry);
    }
}
