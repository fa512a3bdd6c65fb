package com.realestate.property.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.ListQuery;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import com.realestate.property.property.Property;
import com.realestate.property.property.PropertyRepository;
import com.realestate.property.score.ComparablesRepository;
import com.realestate.property.support.DatabaseSliceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

@DatabaseSliceTest
class BulkDemoSeederIntegrationTests {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private PropertyRepository properties;

    @Autowired
    private ComparablesRepository comparables;

    private final BulkDemoSettings settings = new BulkDemoSettings(1000, 3, "bulk-" + UUID.randomUUID() + "-");

    private void seed() {
        new BulkDemoSeeder(settings, properties, jdbc).run(new DefaultApplicationArguments());
    }

    @Test
    void seedsEveryTenantItsShareWithIdsNumberedFromOne() {
        seed();

        assertThat(properties.countByTenant(settings.tenant(1))).isEqualTo(334);
        assertThat(properties.countByTenant(settings.tenant(2))).isEqualTo(333);
        assertThat(properties.countByTenant(settings.tenant(3))).isEqualTo(333);
        assertThat(properties.find(settings.tenant(3), new PropertyId("p333"))).isPresent();
        assertThat(properties.find(settings.tenant(3), new PropertyId("p334"))).isEmpty();
    }

    @Test
    void listingsAreValidAndSpreadOverCitiesTypesAndStatuses() {
        seed();
        TenantId tenant = settings.tenant(1);

        assertThat(jdbc.sql("SELECT count(DISTINCT city) FROM properties WHERE tenant_id = ?").param(tenant.value())
                .query(Long.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT count(DISTINCT type) FROM properties WHERE tenant_id = ?").param(tenant.value())
                .query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(DISTINCT status) FROM properties WHERE tenant_id = ?").param(tenant.value())
                .query(Long.class).single()).isEqualTo(4);
        assertThat(properties.count(tenant, ListQuery.builder().city("lisbon").build())).isEqualTo(33);
    }

    @Test
    void aSeededListingHasComparablesToBeScoredAgainst() {
        seed();
        Property listing = properties.find(settings.tenant(1), new PropertyId("p20")).orElseThrow();

        assertThat(comparables.marketFor(settings.tenant(1), listing).comparables()).isPositive();
    }

    @Test
    void aSecondRunSeedsNothingMore() {
        seed();
        seed();

        assertThat(properties.countByTenant(settings.tenant(1))).isEqualTo(334);
    }
}
