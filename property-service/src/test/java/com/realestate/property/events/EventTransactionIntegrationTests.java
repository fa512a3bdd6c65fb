package com.realestate.property.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import com.realestate.property.property.Address;
import com.realestate.property.property.Precondition;
import com.realestate.property.property.Property;
import com.realestate.property.property.PropertyCommandService;
import com.realestate.property.property.PropertyInput;
import com.realestate.property.property.PropertyRepository;
import com.realestate.property.property.PropertyStatus;
import com.realestate.property.property.PropertyType;
import com.realestate.property.support.DatabaseSliceTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A write and its event commit together or not at all: when recording the event fails, the write is rolled
 * back, and a write that fails records no event. Runs outside a test transaction so that commits are real.
 */
@DatabaseSliceTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({PropertyCommandService.class, EventTransactionIntegrationTests.FailingOutboxConfiguration.class})
class EventTransactionIntegrationTests {

    @Autowired
    private PropertyCommandService commands;

    @Autowired
    private PropertyRepository properties;

    @Autowired
    private FailingEventRepository events;

    private final TenantId tenant = new TenantId("t-" + UUID.randomUUID());

    @BeforeEach
    void outboxWorks() {
        events.failing = false;
    }

    @Test
    void aCreateWhoseEventCannotBeRecordedLeavesNeitherPropertyNorEvent() {
        events.failing = true;

        assertThatThrownBy(() -> commands.create(tenant, input(400000))).hasMessageContaining("outbox");

        assertThat(properties.countByTenant(tenant)).isZero();
        assertThat(events.countByTenant(tenant)).isZero();
    }

    @Test
    void aReplaceWhoseEventCannotBeRecordedLeavesThePropertyAsItWas() {
        Property created = commands.create(tenant, input(400000));
        events.failing = true;

        assertThatThrownBy(() -> commands.replace(tenant, id(created), input(500000), Precondition.none()))
                .hasMessageContaining("outbox");

        Property stored = properties.find(tenant, id(created)).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.price()).isEqualByComparingTo("400000");
        assertThat(events.countByTenant(tenant)).isEqualTo(1);
    }

    @Test
    void aDeleteWhoseEventCannotBeRecordedKeepsTheProperty() {
        Property created = commands.create(tenant, input(400000));
        events.failing = true;

        assertThatThrownBy(() -> commands.delete(tenant, id(created), Precondition.none()))
                .hasMessageContaining("outbox");

        assertThat(properties.find(tenant, id(created))).isPresent();
        assertThat(events.countByTenant(tenant)).isEqualTo(1);
    }

    @Test
    void aWriteTheDatabaseRefusesRecordsNoEvent() {
        Property created = commands.create(tenant, input(400000));

        assertThatThrownBy(() -> commands.replace(tenant, id(created), input(0), Precondition.none()))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(properties.find(tenant, id(created)).orElseThrow().version()).isEqualTo(1);
        assertThat(events.findByProperty(tenant, id(created))).extracting(PropertyEvent::type)
                .containsExactly(EventType.PROPERTY_CREATED);
    }

    @Test
    void aSuccessfulWriteCommitsItsEventWithIt() {
        Property created = commands.create(tenant, input(400000));
        commands.replace(tenant, id(created), input(450000), Precondition.none());
        commands.delete(tenant, id(created), Precondition.none());

        assertThat(events.findByProperty(tenant, id(created))).extracting(PropertyEvent::type).containsExactly(
                EventType.PROPERTY_CREATED, EventType.PROPERTY_UPDATED, EventType.PROPERTY_DELETED);
        assertThat(properties.countByTenant(tenant)).isZero();
    }

    private static PropertyId id(Property property) {
        return new PropertyId(property.id());
    }

    private static PropertyInput input(int price) {
        return new PropertyInput(new Address("1 Main Street", "Lisbon", null, null, "PT"), BigDecimal.valueOf(price),
                "EUR", 2, 1, BigDecimal.valueOf(100), PropertyType.APARTMENT, PropertyStatus.ACTIVE, List.of());
    }

    /** An outbox that can be told to fail, as a full disk or a lost connection would make it. */
    static class FailingEventRepository extends PropertyEventRepository {

        volatile boolean failing;

        FailingEventRepository(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher publisher) {
            super(jdbc, json, publisher);
        }

        @Override
        public long append(NewEvent event) {
            if (failing) {
                throw new IllegalStateException("the outbox is unavailable");
            }
            return super.append(event);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FailingOutboxConfiguration {

        @Bean
        @Primary
        FailingEventRepository failingEventRepository(JdbcClient jdbc, JsonMapper json,
                ApplicationEventPublisher publisher) {
            return new FailingEventRepository(jdbc, json, publisher);
        }
    }
}
