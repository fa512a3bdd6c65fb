package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StrategyTests {

    private static final TenantId ACME = new TenantId("acme");
    private static final PropertyId P42 = new PropertyId("42");

    static Stream<Arguments> matching() {
        InvalidationStrategy property = new PropertyUpdateStrategy();
        InvalidationStrategy score = new ScoreUpdateStrategy();
        InvalidationStrategy timeline = new TimelineUpdateStrategy();
        return Stream.of(
                Arguments.of(property, "property.created", true),
                Arguments.of(property, "property.updated", true),
                Arguments.of(property, "property.deleted", true),
                Arguments.of(property, "property.viewed", false),
                Arguments.of(property, "score.updated", false),
                Arguments.of(score, "score.calculated", true),
                Arguments.of(score, "score.updated", true),
                Arguments.of(score, "score.deleted", false),
                Arguments.of(score, "property.updated", false),
                Arguments.of(timeline, "timeline.note_added", true),
                Arguments.of(timeline, "timeline.visit_booked", true),
                Arguments.of(timeline, "timeline.", false),
                Arguments.of(timeline, "timelines.note_added", false),
                Arguments.of(timeline, "property.updated", false));
    }

    @ParameterizedTest(name = "{0} handles {1}: {2}")
    @MethodSource("matching")
    void strategiesHandleTheirEventTypesOnly(InvalidationStrategy strategy, String type, boolean handled) {
        assertThat(strategy.handles(type)).isEqualTo(handled);
    }

    static Stream<Arguments> effects() {
        return Stream.of(
                Arguments.of("property.created", new PropertyUpdateStrategy(), PropertyInvalidations.property(ACME, P42)),
                Arguments.of("property.updated", new PropertyUpdateStrategy(), PropertyInvalidations.property(ACME, P42)),
                Arguments.of("property.deleted", new PropertyUpdateStrategy(), PropertyInvalidations.property(ACME, P42)),
                Arguments.of("score.calculated", new ScoreUpdateStrategy(), PropertyInvalidations.score(ACME, P42)),
                Arguments.of("score.updated", new ScoreUpdateStrategy(), PropertyInvalidations.score(ACME, P42)),
                Arguments.of("timeline.note_added", new TimelineUpdateStrategy(), PropertyInvalidations.timeline(ACME, P42)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("effects")
    void strategiesInvalidateWhatTheEventMadeStale(String type, InvalidationStrategy strategy, Invalidation expected) {
        RecordingInvalidator invalidator = new RecordingInvalidator();

        InvalidationReport report = strategy.apply(DomainEvent.of(type, ACME, P42), invalidator);

        assertThat(invalidator.calls).containsExactly(expected);
        assertThat(report.done()).isEqualTo(expected);
    }

    @Test
    void aPropertyChangeReachesTheTenantsListsAndScoresButNoOtherTenant() {
        Invalidation invalidation = PropertyInvalidations.property(ACME, P42);

        assertThat(invalidation.keys()).containsExactly("t:{acme}:property:42:detail", "t:{acme}:property:42:score",
                "t:{acme}:property:42:timeline");
        assertThat(invalidation.groups()).containsExactly("t:{acme}:properties:lists", "t:{acme}:properties:scores");
    }
}
