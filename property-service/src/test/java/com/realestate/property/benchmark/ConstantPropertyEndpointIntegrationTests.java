package com.realestate.property.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.TenantId;
import com.realestate.property.auth.Role;
import com.realestate.property.cache.CacheProvider;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.ApiIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The constant endpoint, when turned on: the detail read's security and headers around a fixed property. */
@TestPropertySource(properties = {
    CacheProvider.PROPERTY + "=none",
    ConstantPropertyController.ENABLED + "=true"
})
class ConstantPropertyEndpointIntegrationTests extends ApiIntegrationTest {

    private final TenantId tenant = newTenant();

    @Test
    void answersAFixedPropertyTheSizeOfASeededDetailReadWithTheDetailReadsHeaders() {
        ApiClient.Response response = api.get(ConstantPropertyController.PATH, token(tenant, Role.USER));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().getBytes(StandardCharsets.UTF_8).length).isBetween(350, 480);
        assertThat(response.json().get("address").get("city").asString()).isEqualTo("Lisbon");
        assertThat(response.header("ETag")).isNotBlank();
        assertThat(response.header("Cache-Control")).contains("no-cache").contains("private");
        assertThat(api.get(ConstantPropertyController.PATH, token(tenant, Role.USER)).body())
                .isEqualTo(response.body());
    }

    @Test
    void needsAValidTokenLikeTheDetailRead() {
        assertThat(api.get(ConstantPropertyController.PATH, null).status()).isEqualTo(401);
        assertThat(api.get(ConstantPropertyController.PATH, "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void needsARoleThatMayReadProperties() {
        assertThat(api.get(ConstantPropertyController.PATH, token(tenant)).status()).isEqualTo(403);
    }
}
