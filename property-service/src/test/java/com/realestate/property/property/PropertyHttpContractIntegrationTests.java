package com.realestate.property.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.TenantId;
import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.ApiIntegrationTest;
import com.realestate.property.support.SampleProperties;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The HTTP contract of the property resource: status codes, headers, conditional requests and bodies. */
class PropertyHttpContractIntegrationTests extends ApiIntegrationTest {

    private final TenantId tenant = newTenant();
    private final String admin = token(tenant, Role.ADMIN);
    private final String user = token(tenant, Role.USER);

    @Test
    void createAnswers201WithLocationETagAndTheStoredProperty() {
        ApiClient.Response created = api.send("POST", PROPERTIES, token(tenant, Role.ANALYST), SampleProperties.json());

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.header("Location")).endsWith(PROPERTIES + "/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"" + id + "-v1\"");
        assertThat(body.get("tenantId").asString()).isEqualTo(tenant.value());
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(body.get("price").decimalValue()).isEqualByComparingTo("400000");
        assertThat(body.get("address").get("city").asString()).isEqualTo("Lisbon");
        assertThat(body.get("features")).hasSize(2);
        assertThat(body.get("createdAt").asString()).isEqualTo(body.get("updatedAt").asString());

        ApiClient.Response fetched = api.get(created.header("Location"), user);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(body);
        assertThat(fetched.header("ETag")).isEqualTo(created.header("ETag"));
    }

    @Test
    void aDetailReadWithTheCurrentETagAnswers304WithoutBody() {
        String id = create(tenant);
        String etag = api.get(PROPERTIES + "/" + id, user).header("ETag");

        ApiClient.Response notModified = api.get(PROPERTIES + "/" + id, user, "If-None-Match", etag);

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        assertThat(api.get(PROPERTIES + "/" + id, user, "If-None-Match", "\"stale\"").status()).isEqualTo(200);
    }

    @Test
    void readsMayBeKeptOnlyByTheClientAndMustBeRevalidated() {
        String id = create(tenant);

        assertThat(api.get(PROPERTIES + "/" + id, user).header("Cache-Control")).isEqualTo("no-cache, private");
        assertThat(api.get(PROPERTIES, user).header("Cache-Control")).isEqualTo("no-cache, private");
    }

    @Test
    void aListReadWithTheCurrentETagAnswers304UntilTheListChanges() {
        create(tenant);
        ApiClient.Response first = api.get(PROPERTIES, user);
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        assertThat(api.get(PROPERTIES, user, "If-None-Match", etag).status()).isEqualTo(304);

        create(tenant);
        ApiClient.Response changed = api.get(PROPERTIES, user, "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void aListHasItemsPageSizeAndTotal() {
        for (int i = 0; i < 3; i++) {
            create(tenant);
        }

        JsonNode page = api.get(PROPERTIES + "?size=2&page=1", user).json();

        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(api.get(PROPERTIES, user).json().get("size").asInt()).isEqualTo(20);
    }

    @Test
    void aListFiltersAndSortsAsAsked() {
        create(tenant, SampleProperties.with(json -> json.put("price", 300000)));
        create(tenant, SampleProperties.with(json -> json.put("price", 500000).put("bedrooms", 4)));
        create(tenant, SampleProperties.with(json -> json.put("price", 700000).put("status", "SOLD")));
        create(tenant, SampleProperties.with(json -> {
            json.put("price", 900000).put("type", "HOUSE");
            json.withObject("address").put("city", "Porto");
        }));

        assertThat(prices("?city=%20LISBON%20&sort=price")).containsExactly(300000, 500000, 700000);
        assertThat(prices("?sort=-price&minPrice=400000&maxPrice=700000")).containsExactly(700000, 500000);
        assertThat(prices("?status=SOLD")).containsExactly(700000);
        assertThat(prices("?type=HOUSE")).containsExactly(900000);
        assertThat(prices("?minBedrooms=3")).containsExactly(500000);
        assertThat(prices("?sort=createdAt")).containsExactly(300000, 500000, 700000, 900000);
        assertThat(prices("")).containsExactly(900000, 700000, 500000, 300000);
    }

    @Test
    void aReplaceWithTheCurrentIfMatchSucceedsAndMovesTheVersion() {
        String id = create(tenant);
        String etag = api.get(PROPERTIES + "/" + id, user).header("ETag");

        ApiClient.Response replaced = api.send("PUT", PROPERTIES + "/" + id, token(tenant, Role.OPS),
                SampleProperties.with(json -> json.put("price", 450000)), "If-Match", etag);

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("version").asLong()).isEqualTo(2);
        assertThat(replaced.json().get("price").decimalValue()).isEqualByComparingTo("450000");
        assertThat(replaced.header("ETag")).isEqualTo("\"" + id + "-v2\"");
        assertThat(api.get(PROPERTIES + "/" + id, user).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aReplaceWithAStaleIfMatchAnswers412AndLosesNoUpdate() {
        String id = create(tenant);
        String staleETag = api.get(PROPERTIES + "/" + id, user).header("ETag");
        api.send("PUT", PROPERTIES + "/" + id, admin, SampleProperties.with(json -> json.put("price", 450000)));

        ApiClient.Response lost = api.send("PUT", PROPERTIES + "/" + id, admin,
                SampleProperties.with(json -> json.put("price", 999000)), "If-Match", staleETag);

        assertThat(lost.status()).isEqualTo(412);
        assertThat(lost.header("Content-Type")).startsWith("application/problem+json");
        assertThat(lost.header("ETag")).isEqualTo("\"" + id + "-v2\"");
        JsonNode current = api.get(PROPERTIES + "/" + id, user).json();
        assertThat(current.get("price").decimalValue()).isEqualByComparingTo("450000");
        assertThat(current.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aReplaceThatChangesNothingKeepsTheVersionAndRecordsNothing() {
        String id = create(tenant);
        long events = eventRows(tenant);

        ApiClient.Response replaced = api.send("PUT", PROPERTIES + "/" + id, admin, SampleProperties.json());

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("version").asLong()).isEqualTo(1);
        assertThat(eventRows(tenant)).isEqualTo(events);
    }

    @Test
    void aDeleteAnswers204AndTheIdIsGoneEverywhere() {
        String id = create(tenant);

        ApiClient.Response deleted = api.send("DELETE", PROPERTIES + "/" + id, admin, null);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(api.get(PROPERTIES + "/" + id, user).status()).isEqualTo(404);
        assertThat(api.get(PROPERTIES + "/" + id + "/timeline", user).status()).isEqualTo(404);
        assertThat(api.send("DELETE", PROPERTIES + "/" + id, admin, null).status()).isEqualTo(404);
        assertThat(propertyRows(tenant)).isZero();
    }

    @Test
    void aDeleteWithAStaleIfMatchAnswers412AndKeepsTheProperty() {
        String id = create(tenant);

        ApiClient.Response refused = api.send("DELETE", PROPERTIES + "/" + id, admin, null, "If-Match", "\"other-v7\"");

        assertThat(refused.status()).isEqualTo(412);
        assertThat(propertyRows(tenant)).isEqualTo(1);
    }

    @Test
    void anUnknownIdAnswers404WithAProblemBody() {
        ApiClient.Response missing = api.get(PROPERTIES + "/no-such-id", user);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("title").asString()).isEqualTo("Property not found");
        assertThat(missing.json().get("instance").asString()).isEqualTo(PROPERTIES + "/no-such-id");
    }

    @Test
    void anIdTooLongToBeACacheKeyIsNotFoundLikeAnyUnknownId() {
        String id = "%E2%82%AC".repeat(200);

        for (String path : List.of("", "/score", "/timeline")) {
            ApiClient.Response response = api.get(PROPERTIES + "/" + id + path, user);
            assertThat(response.status()).as(path + ": " + response).isEqualTo(404);
        }
    }

    @Test
    void theOpenApiDescriptionListsEveryRouteAndSwaggerUiIsServed() {
        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");

        assertThat(paths.propertyNames()).contains(PROPERTIES, PROPERTIES + "/{id}", PROPERTIES + "/{id}/score",
                PROPERTIES + "/{id}/timeline", PROPERTIES + "/{id}/cache/invalidate");
        assertThat(paths.get(PROPERTIES).get("get").get("parameters").toString()).contains("minBedrooms")
                .doesNotContain("caller");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void actuatorHealthProbesAndPrometheusMetricsAreServed() {
        assertThat(api.get("/actuator/health/liveness", null).json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness", null).json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/prometheus", null).body()).contains("http_server_requests_seconds");
    }

    @Test
    void healthShowsItsComponentsToOpsAndAdminOnly() {
        JsonNode forOps = api.get("/actuator/health", token(tenant, Role.OPS)).json();
        JsonNode forUser = api.get("/actuator/health", token(tenant, Role.USER)).json();
        JsonNode forAnyone = api.get("/actuator/health", null).json();

        assertThat(forOps.get("components").propertyNames()).contains("realEstateCache", "db");
        assertThat(forOps.get("components").get("realEstateCache").get("status").asString()).isEqualTo("UP");
        assertThat(forUser.has("components")).isFalse();
        assertThat(forAnyone.has("components")).isFalse();
        assertThat(forAnyone.get("status").asString()).isEqualTo("UP");
    }

    private List<Integer> prices(String query) {
        ApiClient.Response response = api.get(PROPERTIES + query, user);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<Integer> prices = new ArrayList<>();
        response.json().get("items").forEach(item -> prices.add(item.get("price").decimalValue().intValueExact()));
        return prices;
    }
}
