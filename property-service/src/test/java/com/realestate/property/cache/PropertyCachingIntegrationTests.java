package com.realestate.property.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.property.support.SampleProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Our provider (the default): reads are served from Redis once cached, every write path drops what it changed (on
 * this instance at once, and through the outbox for every instance), no tenant ever sees another's cached data, and
 * each view is metered.
 */
class PropertyCachingIntegrationTests extends CachedReadsContract {

    @Test
    void prometheusShowsHitsAndMissesPerCacheTheBreakerAndTheOutboxLag() {
        String id = create(tenant, SampleProperties.json());
        api.get(PROPERTIES + "/" + id, admin);
        api.get(PROPERTIES + "/" + id, admin);

        String metrics = api.get("/actuator/prometheus", null).body();

        assertThat(metrics).containsPattern("cache_gets_total\\{[^}]*cache=\"property-details\"[^}]*result=\"hit\"");
        assertThat(metrics).containsPattern("cache_gets_total\\{[^}]*cache=\"property-details\"[^}]*result=\"miss\"");
        assertThat(metrics).contains("resilience4j_circuitbreaker_state").contains("property_outbox_lag_seconds");
    }

    @Test
    void everyWriteIsPublishedFromTheOutbox() {
        String id = create(tenant, SampleProperties.json());
        api.send("PUT", PROPERTIES + "/" + id, admin, SampleProperties.with(body -> body.put("price", 500000)));

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM property_events WHERE property_id = :id AND published_at IS NULL")
                .param("id", id).query(Long.class).single() == 0);
    }
}
