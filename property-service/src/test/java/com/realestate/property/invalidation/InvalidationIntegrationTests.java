package com.realestate.property.invalidation;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The manual invalidation endpoint: what it would drop, and its per-tenant rate limit. */
class InvalidationIntegrationTests extends ApiIntegrationTest {

    private final TenantId tenant = newTenant();
    private final String admin = token(tenant, Role.ADMIN);

    @Test
    void anInvalidationIsAcceptedAndListsTheKeysAndGroupsItDropped() {
        String id = create(tenant);
        PropertyId property = new PropertyId(id);

        ApiClient.Response response = api.send("POST", PROPERTIES + "/" + id + "/cache/invalidate", admin, null);

        assertThat(response.status()).isEqualTo(202);
        JsonNode body = response.json();
        assertThat(body.get("propertyId").asString()).isEqualTo(id);
        assertThat(body.get("keys").valueStream().map(JsonNode::asString)).containsExactly(
                PropertyKeys.detail(tenant, property), PropertyKeys.score(tenant, property),
                PropertyKeys.timeline(tenant, property));
        assertThat(body.get("groups").valueStream().map(JsonNode::asString)).containsExactly(
                PropertyKeys.listGroup(tenant), PropertyKeys.scoreGroup(tenant));
        assertThat(body.get("performed").asBoolean()).isTrue();
    }

    @Test
    void aTenantOverItsLimitGets429WithRetryAfterWhileOthersCarryOn() {
        String id = create(tenant);
        String path = PROPERTIES + "/" + id + "/cache/invalidate";
        for (int i = 0; i < INVALIDATIONS_PER_PERIOD; i++) {
            assertThat(api.send("POST", path, admin, null).status()).isEqualTo(202);
        }

        ApiClient.Response limited = api.send("POST", path, admin, null);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().get("status").asInt()).isEqualTo(429);
        TenantId other = newTenant();
        String otherId = create(other);
        assertThat(api.send("POST", PROPERTIES + "/" + otherId + "/cache/invalidate", token(other, Role.ADMIN), null)
                .status()).isEqualTo(202);
    }

    @Test
    void anUnknownIdIsNotFoundAndTakesNoneOfTheTenantsPermits() {
        for (int i = 0; i <= INVALIDATIONS_PER_PERIOD; i++) {
            assertThat(api.send("POST", PROPERTIES + "/missing/cache/invalidate", admin, null).status())
                    .isEqualTo(404);
        }

        String id = create(tenant);
        assertThat(api.send("POST", PROPERTIES + "/" + id + "/cache/invalidate", admin, null).status()).isEqualTo(202);
    }
}
