package com.realestate.property.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.TenantId;
import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.ApiIntegrationTest;
import com.realestate.property.support.SampleProperties;
import org.junit.jupiter.api.Test;

/**
 * What every caching provider must do: serve repeated reads from Redis, show every write on the next read of every
 * view, and never let a tenant see another's cached data. Each provider's test class runs it on its own context.
 */
abstract class CachedReadsContract extends ApiIntegrationTest {


    protected final TenantId tenant = newTenant();
    protected final String admin = token(tenant, Role.ADMIN);

    /** Removes the row beneath the cache: a read that still succeeds did not reach the database. */
    private void deleteRowBehindTheCache(String id) {
        assertThat(jdbc.sql("DELETE FROM properties WHERE id = :id").param("id", id).update()).isEqualTo(1);
    }

    @Test
    void aSecondDetailReadIsServedWithoutTheDatabase() {
        String id = create(tenant, SampleProperties.json());
        assertThat(api.get(PROPERTIES + "/" + id, admin).status()).isEqualTo(200);

        deleteRowBehindTheCache(id);

        ApiClient.Response cached = api.get(PROPERTIES + "/" + id, admin);
        assertThat(cached.status()).isEqualTo(200);
        assertThat(cached.json().get("id").asString()).isEqualTo(id);
    }

    @Test
    void listScoreAndTimelineReadsAreServedFromTheCache() {
        String id = create(tenant, SampleProperties.json());
        ApiClient.Response list = api.get(PROPERTIES + "?city=Lisbon", admin);
        ApiClient.Response score = api.get(PROPERTIES + "/" + id + "/score", admin);
        ApiClient.Response timeline = api.get(PROPERTIES + "/" + id + "/timeline", admin);

        deleteRowBehindTheCache(id);

        assertThat(api.get(PROPERTIES + "?city=Lisbon", admin).body()).isEqualTo(list.body());
        assertThat(api.get(PROPERTIES + "/" + id + "/score", admin).body()).isEqualTo(score.body());
        assertThat(api.get(PROPERTIES + "/" + id + "/timeline", admin).body()).isEqualTo(timeline.body());
    }

    @Test
    void anUpdateIsVisibleOnTheNextReadOfEveryView() {
        String id = create(tenant, SampleProperties.json());
        api.get(PROPERTIES + "/" + id, admin);
        api.get(PROPERTIES + "?city=Lisbon", admin);
        String scoredAt = api.get(PROPERTIES + "/" + id + "/score", admin).json().get("calculatedAt").asString();
        api.get(PROPERTIES + "/" + id + "/timeline", admin);

        ApiClient.Response updated = api.send("PUT", PROPERTIES + "/" + id, admin,
                SampleProperties.with(body -> body.put("price", 150000).put("areaSqm", 180)));
        assertThat(updated.status()).isEqualTo(200);

        assertThat(api.get(PROPERTIES + "/" + id, admin).json().get("price").decimalValue()).isEqualByComparingTo("150000");
        assertThat(api.get(PROPERTIES + "?city=Lisbon", admin).json().get("items").get(0).get("price").decimalValue())
                .isEqualByComparingTo("150000");
        assertThat(api.get(PROPERTIES + "/" + id + "/score", admin).json().get("calculatedAt").asString())
                .as("the score was computed again").isNotEqualTo(scoredAt);
        assertThat(api.get(PROPERTIES + "/" + id + "/timeline", admin).json().get("events").valueStream()
                .map(event -> event.get("type").asString())).contains("property.updated");
    }

    @Test
    void aChangeToAComparableIsVisibleOnTheNextScoreRead() {
        String id = create(tenant, SampleProperties.json());
        String comparable = create(tenant, SampleProperties.with(body -> body.put("price", 500000)));
        assertThat(api.get(PROPERTIES + "/" + id + "/score", admin).json().get("components").get("comparables")
                .asInt()).isEqualTo(1);
        String before = medianOfComparables(id);

        assertThat(api.send("PUT", PROPERTIES + "/" + comparable, admin,
                SampleProperties.with(body -> body.put("price", 800000))).status()).isEqualTo(200);
        String afterUpdate = medianOfComparables(id);
        assertThat(api.send("DELETE", PROPERTIES + "/" + comparable, admin, null).status()).isEqualTo(204);

        assertThat(afterUpdate).isNotEqualTo(before);
        assertThat(api.get(PROPERTIES + "/" + id + "/score", admin).json().get("components").get("comparables")
                .asInt()).as("comparables once the other listing is gone").isZero();
    }

    private String medianOfComparables(String id) {
        return api.get(PROPERTIES + "/" + id + "/score", admin).json().get("components").get("cityMedianPricePerSqm")
                .asString();
    }

    @Test
    void aCreatedPropertyAppearsInCachedLists() {
        create(tenant, SampleProperties.json());
        assertThat(api.get(PROPERTIES, admin).json().get("total").asLong()).isEqualTo(1);

        create(tenant, SampleProperties.json());

        assertThat(api.get(PROPERTIES, admin).json().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void aDeletedPropertyIsGoneFromEveryCachedView() {
        String id = create(tenant, SampleProperties.json());
        api.get(PROPERTIES + "/" + id, admin);
        api.get(PROPERTIES + "/" + id + "/score", admin);
        api.get(PROPERTIES, admin);

        assertThat(api.send("DELETE", PROPERTIES + "/" + id, admin, null).status()).isEqualTo(204);

        assertThat(api.get(PROPERTIES + "/" + id, admin).status()).isEqualTo(404);
        assertThat(api.get(PROPERTIES + "/" + id + "/score", admin).status()).isEqualTo(404);
        assertThat(api.get(PROPERTIES, admin).json().get("total").asLong()).isZero();
    }

    @Test
    void anIdUnknownAMomentAgoIsFoundOnceCreated() {
        assertThat(api.get(PROPERTIES + "/00000000-0000-0000-0000-000000000000", admin).status()).isEqualTo(404);
        String id = create(tenant, SampleProperties.json());

        assertThat(api.get(PROPERTIES + "/" + id, admin).status()).isEqualTo(200);
    }

    @Test
    void anotherTenantNeverSeesWhatThisTenantsReadsCached() {
        String id = create(tenant, SampleProperties.json());
        assertThat(api.get(PROPERTIES + "/" + id, admin).status()).isEqualTo(200);
        api.get(PROPERTIES + "/" + id + "/score", admin);
        api.get(PROPERTIES + "/" + id + "/timeline", admin);
        api.get(PROPERTIES, admin);
        String other = token(newTenant(), Role.ADMIN);

        for (String path : new String[] {"/" + id, "/" + id + "/score", "/" + id + "/timeline"}) {
            assertThat(api.get(PROPERTIES + path, other).status()).as(path).isEqualTo(404);
        }
        assertThat(api.get(PROPERTIES, other).json().get("total").asLong()).isZero();
    }

    @Test
    void theManualInvalidationDropsTheCachedDetail() {
        String id = create(tenant, SampleProperties.json());
        api.get(PROPERTIES + "/" + id, admin);
        jdbc.sql("UPDATE properties SET price = 123456 WHERE id = :id").param("id", id).update();

        assertThat(api.send("POST", PROPERTIES + "/" + id + "/cache/invalidate", admin, null).status()).isEqualTo(202);

        assertThat(api.get(PROPERTIES + "/" + id, admin).json().get("price").decimalValue()).isEqualByComparingTo("123456");
    }

    @Test
    void aCachedResponseIsByteForByteTheOneRenderedOnTheMissWithItsETag() {
        String id = create(tenant, SampleProperties.with(body -> body.withObject("address")
                .put("city", "Paris").put("region", "Île-de-France").put("line1", "5 Rue de Rivoli — 2ᵉ étage")));
        ApiClient.Response miss = api.get(PROPERTIES + "/" + id, admin);

        ApiClient.Response hit = api.get(PROPERTIES + "/" + id, admin);

        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(hit.header("ETag")).isEqualTo(miss.header("ETag"));
        assertThat(hit.header("Content-Type")).startsWith("application/json");
        assertThat(hit.json().get("address").get("region").asString()).isEqualTo("Île-de-France");
        assertThat(api.get(PROPERTIES + "/" + id, admin, "If-None-Match", hit.header("ETag")).status()).isEqualTo(304);
    }
}
