package com.realestate.property.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.ListQuery;
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

/**
 * The list SQL runs exactly the normalised {@link ListQuery}: whatever spelling normalises to the same query
 * (and so to the same cache key) fetches the same rows.
 */
@DatabaseSliceTest
class PropertyRepositoryIntegrationTests {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @Autowired
    private PropertyRepository properties;

    private final TenantId tenant = new TenantId("t-" + UUID.randomUUID());

    @BeforeEach
    void storeListings() {
        store("Évora", 250000, 3, PropertyType.HOUSE, PropertyStatus.ACTIVE, 0);
        store("évora", 180000, 1, PropertyType.APARTMENT, PropertyStatus.SOLD, 1);
        store("Lisbon", 400000, 2, PropertyType.APARTMENT, PropertyStatus.ACTIVE, 2);
        store("Lisbon", 400000, 4, PropertyType.APARTMENT, PropertyStatus.PENDING, 3);
        store("Lisbon", 900000, 5, PropertyType.HOUSE, PropertyStatus.ACTIVE, 4);
    }

    @Test
    void differentlySpelledQueriesThatNormaliseAlikeFetchTheSameRows() {
        ListQuery upper = ListQuery.fromParameters(Map.of("city", List.of("  ÉVORA "), "minPrice", List.of("100000.00")));
        ListQuery lower = ListQuery.fromParameters(Map.of("minPrice", List.of("100000"), "city", List.of("évora")));

        assertThat(upper).isEqualTo(lower);
        assertThat(upper.hash()).isEqualTo(lower.hash());
        assertThat(prices(upper)).containsExactly(180000, 250000).isEqualTo(prices(lower));
    }

    @Test
    void everyFilterNarrowsTheRowsAndTheCountAgrees() {
        ListQuery query = ListQuery.builder().city("lisbon").status("ACTIVE").type("APARTMENT")
                .minPrice(new BigDecimal("400000")).maxPrice(new BigDecimal("400000")).minBedrooms(2).build();

        assertThat(prices(query)).containsExactly(400000);
        assertThat(properties.count(tenant, query)).isEqualTo(1);
        assertThat(properties.count(tenant, ListQuery.builder().minBedrooms(4).build())).isEqualTo(2);
    }

    @Test
    void sortsBreakTiesByIdAndDefaultToNewestFirst() {
        assertThat(prices(ListQuery.builder().sort("price").build()))
                .containsExactly(180000, 250000, 400000, 400000, 900000);
        assertThat(prices(ListQuery.builder().sort("-price").build()))
                .containsExactly(900000, 400000, 400000, 250000, 180000);
        assertThat(prices(ListQuery.builder().build())).containsExactly(900000, 400000, 400000, 180000, 250000);
        assertThat(properties.findPage(tenant, ListQuery.builder().sort("price").build()).subList(2, 4))
                .extracting(Property::id).isSorted();
    }

    @Test
    void pagesSliceTheOrderedRows() {
        assertThat(prices(ListQuery.builder().sort("createdAt").size(2).page(1).build()))
                .containsExactly(400000, 400000);
        assertThat(prices(ListQuery.builder().sort("createdAt").size(2).page(3).build())).isEmpty();
    }

    private List<Integer> prices(ListQuery query) {
        return properties.findPage(tenant, query).stream().map(p -> p.price().intValueExact()).toList();
    }

    private void store(String city, int price, int bedrooms, PropertyType type, PropertyStatus status, int day) {
        PropertyInput input = new PropertyInput(new Address("1 Main Street", city, null, null, "PT"),
                BigDecimal.valueOf(price), "EUR", bedrooms, 1, BigDecimal.valueOf(100), type, status, List.of());
        properties.insert(tenant, PropertyIds.generate(), input, START.plus(day, ChronoUnit.DAYS));
    }
}
