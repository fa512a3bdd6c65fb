package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class EventDrivenInvalidatorTests {

    private static final TenantId ACME = new TenantId("acme");
    private static final PropertyId P42 = new PropertyId("42");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingInvalidator invalidator = new RecordingInvalidator();

    /** A plug-in: an agent's change invalidates the agent's cached card, a key of the service's own. */
    private static final class AgentStrategy implements InvalidationStrategy {
        @Override
        public boolean handles(String eventType) {
            return eventType.equals("agent.updated") || eventType.equals("property.updated");
        }

        @Override
        public InvalidationReport apply(DomainEvent event, CacheInvalidator invalidator) {
            return invalidator.invalidate(Invalidation.ofKeys("t:" + PropertyKeys.hashTag(event.tenant()) + ":agent-card"));
        }
    }

    private EventDrivenInvalidator withAgents() {
        return EventDrivenInvalidator.builder(invalidator).register(new AgentStrategy()).meterRegistry(meters).build();
    }

    private double events(String result) {
        return meters.get(EventDrivenInvalidator.EVENTS).tag("result", result).counter().count();
    }

    @Test
    void aBuiltInEventIsAppliedByItsStrategy() {
        EventDrivenInvalidator events = EventDrivenInvalidator.builder(invalidator).meterRegistry(meters).build();

        InvalidationReport report = events.handle(DomainEvent.of("score.updated", ACME, P42));

        assertThat(invalidator.calls).containsExactly(PropertyInvalidations.score(ACME, P42));
        assertThat(report.complete()).isTrue();
        assertThat(events("applied")).isEqualTo(1);
    }

    @Test
    void aPlugInStrategyHandlesItsOwnEventType() {
        InvalidationReport report = withAgents().handle(DomainEvent.of("agent.updated", ACME, P42));

        assertThat(report.keysInvalidated()).containsExactly("t:{acme}:agent-card");
    }

    @Test
    void everyStrategyThatHandlesTheTypeIsAppliedAndTheReportsCombined() {
        InvalidationReport report = withAgents().handle(DomainEvent.of("property.updated", ACME, P42));

        assertThat(report.done()).isEqualTo(PropertyInvalidations.property(ACME, P42)
                .and(Invalidation.ofKeys("t:{acme}:agent-card")));
        assertThat(events("applied")).isEqualTo(1);
    }

    @Test
    void anEventOfAnUnknownTypeIsIgnoredAndCounted() {
        InvalidationReport report = withAgents().handle(DomainEvent.of("invoice.paid", ACME, P42));

        assertThat(report).isEqualTo(InvalidationReport.none());
        assertThat(invalidator.calls).isEmpty();
        assertThat(events("unknown_type")).isEqualTo(1);
        assertThat(events("applied")).isZero();
    }

    @Test
    void anEventRedisCouldNotFullyApplyIsCountedAsFailedAndReportsWhat() {
        RecordingInvalidator failing = new RecordingInvalidator(PropertyKeys.listGroup(ACME));
        EventDrivenInvalidator events = EventDrivenInvalidator.builder(failing).meterRegistry(meters).build();

        InvalidationReport report = events.handle(DomainEvent.of("property.deleted", ACME, P42));

        assertThat(report.complete()).isFalse();
        assertThat(report.failedGroups()).containsExactly("t:{acme}:properties:lists");
        assertThat(events("failed")).isEqualTo(1);
    }

    @Test
    void aStrategyThatThrowsAnErrorDoesNotKeepTheStrategiesAfterItFromApplying() {
        AssertionError bug = new AssertionError("plug-in bug");
        EventDrivenInvalidator events = EventDrivenInvalidator.builder(invalidator).withoutDefaultStrategies()
                .meterRegistry(meters)
                .register(throwing(bug))
                .register(new ScoreUpdateStrategy())
                .build();

        assertThatThrownBy(() -> events.handle(DomainEvent.of("score.updated", ACME, P42))).isSameAs(bug);
        assertThat(invalidator.calls).containsExactly(PropertyInvalidations.score(ACME, P42));
        assertThat(events("failed")).isEqualTo(1);
    }

    private static InvalidationStrategy throwing(Throwable failure) {
        return new InvalidationStrategy() {
            @Override
            public boolean handles(String eventType) {
                return true;
            }

            @Override
            public InvalidationReport apply(DomainEvent event, CacheInvalidator invalidator) {
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure;
            }
        };
    }

    @Test
    void aStrategyThatThrowsIsCountedAsFailedAndTheExceptionReachesTheCaller() {
        EventDrivenInvalidator events = EventDrivenInvalidator.builder(invalidator).meterRegistry(meters)
                .register(new InvalidationStrategy() {
                    @Override
                    public boolean handles(String eventType) {
                        return true;
                    }

                    @Override
                    public InvalidationReport apply(DomainEvent event, CacheInvalidator invalidator) {
                        throw new IllegalStateException("bug");
                    }
                }).build();

        assertThatThrownBy(() -> events.handle(DomainEvent.of("score.updated", ACME, P42)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(events("failed")).isEqualTo(1);
    }

    @Test
    void aJsonEventIsParsedAndApplied() {
        DomainEvent event = DomainEvent.of("timeline.note_added", ACME, P42);

        withAgents().handle(event.toJson());

        assertThat(invalidator.calls).containsExactly(PropertyInvalidations.timeline(ACME, P42));
    }

    @Test
    void aMalformedJsonEventIsRefusedCountedAndInvalidatesNothing() {
        String json = DomainEvent.of("timeline.note_added", ACME, P42).toJson().replace("\"acme\"", "\"\"");

        assertThatThrownBy(() -> withAgents().handle(json)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("tenantId");
        assertThat(invalidator.calls).isEmpty();
        assertThat(events("malformed")).isEqualTo(1);
    }

    @Test
    void withoutTheDefaultsOnlyRegisteredStrategiesRun() {
        EventDrivenInvalidator events = EventDrivenInvalidator.builder(invalidator).withoutDefaultStrategies()
                .register(new AgentStrategy()).meterRegistry(meters).build();

        assertThat(events.handles("score.updated")).isFalse();
        assertThat(events.handles("agent.updated")).isTrue();
        assertThat(events.strategies()).hasSize(1);
    }
}
