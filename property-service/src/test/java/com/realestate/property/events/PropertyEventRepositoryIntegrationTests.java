package com.realestate.property.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import com.realestate.property.support.DatabaseSliceTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox side of {@code property_events}: unpublished events come out in order and leave once published. */
@DatabaseSliceTest
class PropertyEventRepositoryIntegrationTests {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    private PropertyEventRepository events;

    @Autowired
    private JdbcClient jdbc;

    private final TenantId tenant = new TenantId("t-" + UUID.randomUUID());
    private final PropertyId property = new PropertyId("p-1");

    @BeforeEach
    void publishWhatOtherTestsLeftBehind() {
        jdbc.sql("UPDATE property_events SET published_at = now() WHERE published_at IS NULL").update();
    }

    @Test
    void unpublishedEventsComeOutOldestFirstUntilMarkedPublished() {
        long first = append(EventType.PROPERTY_CREATED);
        long second = append(EventType.PROPERTY_UPDATED);
        long third = append(EventType.PROPERTY_DELETED);

        assertThat(events.findUnpublished(10)).extracting(PropertyEvent::id).containsExactly(first, second, third);
        assertThat(events.findUnpublished(2)).extracting(PropertyEvent::id).containsExactly(first, second);

        assertThat(events.markPublished(List.of(first, second), NOW)).isEqualTo(2);

        List<PropertyEvent> left = events.findUnpublished(10);
        assertThat(left).extracting(PropertyEvent::id).containsExactly(third);
        assertThat(left.getFirst().type()).isEqualTo(EventType.PROPERTY_DELETED);
        assertThat(left.getFirst().publishedAt()).isNull();
        assertThat(events.markPublished(List.of(first), NOW)).isZero();
    }

    @Test
    void publishedEventsStayInTheTimelineWithTheirPublicationTime() {
        long id = append(EventType.PROPERTY_CREATED);
        events.markPublished(List.of(id), NOW);

        assertThat(events.findByProperty(tenant, property)).singleElement()
                .satisfies(event -> assertThat(event.publishedAt()).isEqualTo(NOW));
    }

    @Test
    void changesRoundTripWithExactDecimalsListsAndNulls() {
        Map<String, FieldChange> changes = Map.of(
                "price", new FieldChange(new BigDecimal("400000.00"), new BigDecimal("425000.50")),
                "features", new FieldChange(null, List.of("balcony", "pool")),
                "bedrooms", new FieldChange(2, 3));
        events.append(new NewEvent(tenant, property, EventType.PROPERTY_UPDATED, NOW, changes));

        PropertyEvent stored = events.findByProperty(tenant, property).getFirst();

        assertThat(stored.changes().get("price").from()).isEqualTo(new BigDecimal("400000.00"));
        assertThat(stored.changes().get("price").to()).isEqualTo(new BigDecimal("425000.50"));
        assertThat(stored.changes().get("features")).isEqualTo(new FieldChange(null, List.of("balcony", "pool")));
        assertThat(stored.changes().get("bedrooms")).isEqualTo(new FieldChange(2, 3));
        assertThat(stored.occurredAt()).isEqualTo(NOW);
        assertThat(stored.tenant()).isEqualTo(tenant);
    }

    @Test
    void aTimelineHoldsOnlyItsOwnPropertyAndTenant() {
        append(EventType.PROPERTY_CREATED);
        events.append(new NewEvent(tenant, new PropertyId("p-2"), EventType.PROPERTY_CREATED, NOW, Map.of()));
        events.append(new NewEvent(new TenantId("other-" + UUID.randomUUID()), property, EventType.PROPERTY_CREATED,
                NOW, Map.of()));

        assertThat(events.findByProperty(tenant, property)).hasSize(1);
    }

    private long append(EventType type) {
        return events.append(new NewEvent(tenant, property, type, NOW, Map.of()));
    }
}
