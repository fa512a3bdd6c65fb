package com.realestate.property.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.key.TenantId;
import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiIntegrationTest;
import com.realestate.property.support.SampleProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The provider "none": no Redis client at all, and every read shows the database as it is at that moment. */
@TestPropertySource(properties = {
    CacheProvider.PROPERTY + "=none",
    "realestate.benchmark.constant-endpoint=true"
})
class UncachedProviderIntegrationTests extends ApiIntegrationTest {

    private final TenantId tenant = newTenant();
    private final String admin = token(tenant, Role.ADMIN);

    @Autowired
    private ApplicationContext context;

    @Test
    void theServiceRunsWithoutAnyRedisClient() {
        assertThat(context.getBeansOfType(CacheClient.class)).isEmpty();
        assertThat(context.getBeansOfType(RedisConnectionFactory.class)).isEmpty();
        assertThat(context.getBean(PropertyViewCache.class).provider()).isEqualTo(CacheProvider.NONE);
    }

    @Test
    void theInfoEndpointSaysNoCacheIsUsedRatherThanNamingARedisItNeverReaches() {
        JsonNode cache = api.get("/actuator/info", null).json().get("cache");

        assertThat(cache.get("provider").asString()).isEqualTo("none");
        assertThat(cache.has("redisUrl")).isFalse();
    }

    @Test
    void everyViewShowsAChangeMadeBeneathTheServiceOnTheNextRead() {
        String id = create(tenant, SampleProperties.json());
        api.get(PROPERTIES + "/" + id, admin);
        api.get(PROPERTIES + "?city=Lisbon", admin);
        String scoredAt = api.get(PROPERTIES + "/" + id + "/score", admin).json().get("calculatedAt").asString();

        jdbc.sql("UPDATE properties SET price = 123456 WHERE id = :id").param("id", id).update();

        assertThat(api.get(PROPERTIES + "/" + id, admin).json().get("price").decimalValue())
                .isEqualByComparingTo("123456");
        assertThat(api.get(PROPERTIES + "?city=Lisbon", admin).json().get("items").get(0).get("price").decimalValue())
                .isEqualByComparingTo("123456");
        assertThat(api.get(PROPERTIES + "/" + id + "/score", admin).json().get("calculatedAt").asString())
                .isNotEqualTo(scoredAt);
    }

    @Test
    void aWriteThroughTheApiIsReadBackAtOnceAndADeleteIsA404() {
        String id = create(tenant, SampleProperties.json());
        api.get(PROPERTIES + "/" + id, admin);

        api.send("PUT", PROPERTIES + "/" + id, admin, SampleProperties.with(body -> body.put("price", 150000)));
        assertThat(api.get(PROPERTIES + "/" + id, admin).json().get("price").decimalValue())
                .isEqualByComparingTo("150000");

        api.send("DELETE", PROPERTIES + "/" + id, admin, null);
        assertThat(api.get(PROPERTIES + "/" + id, admin).status()).isEqualTo(404);
    }

    @Test
    void theManualInvalidationSaysNothingIsCached() {
        String id = create(tenant, SampleProperties.json());

        assertThat(api.send("POST", PROPERTIES + "/" + id + "/cache/invalidate", admin, null).json()
                .get("performed").asBoolean()).isFalse();
    }
}
