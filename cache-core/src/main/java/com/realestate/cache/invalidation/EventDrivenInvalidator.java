package com.realestate.cache.invalidation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link DomainEvent}s into invalidations by running every {@link InvalidationStrategy} that handles the
 * event's type. Events of a type no strategy knows are ignored and counted, so that a publisher may add types
 * before their consumers do. Immutable and thread-safe once built.
 *
 * <p>Meters: {@code cache.invalidation.events} with {@code result=applied} (every invalidation done),
 * {@code failed} (some of it not done, or a strategy threw), {@code unknown_type} and {@code malformed}.
 */
public final class EventDrivenInvalidator {

    static final String EVENTS = "cache.invalidation.events";
    private static final Logger log = LoggerFactory.getLogger(EventDrivenInvalidator.class);

    private final CacheInvalidator invalidator;
    private final List<InvalidationStrategy> strategies;
    private final Counter applied;
    private final Counter failed;
    private final Counter unknownType;
    private final Counter malformed;
    private final LogThrottle partialWarnings = new LogThrottle(Duration.ofSeconds(10));

    private EventDrivenInvalidator(Builder builder) {
        this.invalidator = builder.invalidator;
        this.strategies = List.copyOf(builder.strategies);
        this.applied = counter(builder.registry, "applied");
        this.failed = counter(builder.registry, "failed");
        this.unknownType = counter(builder.registry, "unknown_type");
        this.malformed = counter(builder.registry, "malformed");
    }

    /** An event-driven invalidator with the built-in strategies, counting into {@link Metrics#globalRegistry}. */
    public static EventDrivenInvalidator withDefaults(CacheInvalidator invalidator) {
        return builder(invalidator).build();
    }

    /** A builder that starts with the {@linkplain #defaultStrategies() built-in strategies}. */
    public static Builder builder(CacheInvalidator invalidator) {
        return new Builder(invalidator);
    }

    /** The built-in strategies: property changes, score changes and timeline events. */
    public static List<InvalidationStrategy> defaultStrategies() {
        return List.of(new PropertyUpdateStrategy(), new ScoreUpdateStrategy(), new TimelineUpdateStrategy());
    }

    /**
     * Applies every strategy that handles the event's type, in registration order, and returns what they did
     * together; {@link InvalidationReport#none()} for a type no strategy handles. A strategy's exception is
     * counted as a failure and reaches the caller once every other strategy has been applied, so that one broken
     * plug-in cannot keep the others' invalidations from happening.
     */
    public InvalidationReport handle(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        InvalidationReport report = InvalidationReport.none();
        boolean handled = false;
        Throwable thrown = null;
        for (InvalidationStrategy strategy : strategies) {
            try {
                if (strategy.handles(event.type())) {
                    handled = true;
                    report = report.and(strategy.apply(event, invalidator));
                }
            } catch (RuntimeException | Error e) {
                if (thrown == null) {
                    thrown = e;
                } else {
                    thrown.addSuppressed(e);
                }
            }
        }
        if (thrown != null) {
            failed.increment();
            if (thrown instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) thrown;
        }
        if (!handled) {
            unknownType.increment();
            log.debug("Ignored event {} of type '{}': no strategy handles it", event.id(), event.type());
        } else if (report.complete()) {
            applied.increment();
        } else {
            failed.increment();
            long suppressed = partialWarnings.permit();
            if (suppressed >= 0) {
                log.warn("Event {} ({}) was only partly applied; not invalidated: keys {}, groups {}{} ({} similar"
                        + " warnings suppressed)", event.id(), event.type(), report.failedKeys(), report.failedGroups(),
                        report.failed().flush() ? ", everything" : "", suppressed);
            }
        }
        return report;
    }

    /**
     * Reads the event from JSON and {@linkplain #handle(DomainEvent) handles} it.
     *
     * @throws MalformedEventException when it is not a valid event; nothing is invalidated then
     */
    public InvalidationReport handle(String json) {
        DomainEvent event;
        try {
            event = DomainEvent.fromJson(json);
        } catch (MalformedEventException e) {
            malformed.increment();
            throw e;
        }
        return handle(event);
    }

    /** {@code true} when some strategy handles events of {@code eventType}. */
    public boolean handles(String eventType) {
        return strategies.stream().anyMatch(strategy -> strategy.handles(eventType));
    }

    /** The strategies, in the order they are applied. */
    public List<InvalidationStrategy> strategies() {
        return strategies;
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder(EVENTS).description("Domain events handled by cache invalidation, by result")
                .tag("result", result).register(registry);
    }

    /** Collects the strategies and the meter registry; not thread-safe. */
    public static final class Builder {

        private final CacheInvalidator invalidator;
        private final List<InvalidationStrategy> strategies = new ArrayList<>(defaultStrategies());
        private MeterRegistry registry = Metrics.globalRegistry;

        private Builder(CacheInvalidator invalidator) {
            this.invalidator = Objects.requireNonNull(invalidator, "invalidator");
        }

        /** Adds a strategy, applied after those registered before it. */
        public Builder register(InvalidationStrategy strategy) {
            strategies.add(Objects.requireNonNull(strategy, "strategy"));
            return this;
        }

        /** Drops the built-in strategies (and any registered so far), for a service with a domain of its own. */
        public Builder withoutDefaultStrategies() {
            strategies.clear();
            return this;
        }

        /** Where the event counters go; {@link Metrics#globalRegistry} unless set. */
        public Builder meterRegistry(MeterRegistry value) {
            registry = Objects.requireNonNull(value, "meterRegistry");
            return this;
        }

        public EventDrivenInvalidator build() {
            return new EventDrivenInvalidator(this);
        }
    }
}
