package com.realestate.property.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.TenantId;
import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.SampleProperties;
import com.realestate.property.support.TestCache;
import com.realestate.property.support.TestDatabase;
import com.realestate.property.support.TestTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With PostgreSQL gone, the service stays up: reads the cache holds are still answered, other API calls answer
 * 503 problems within seconds, readiness reports DOWN so traffic can be routed away, and liveness stays UP so the
 * process is not restarted for nothing.
 * Uses a database of its own, which it stops.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "JWT_SECRET=" + TestTokens.SECRET,
    "spring.datasource.hikari.connection-timeout=1000",
    "management.endpoint.health.show-details=always"
})
@DirtiesContext
class DatabaseOutageIntegrationTests {

    private static EmbeddedPostgres postgres;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        postgres = TestDatabase.start();
        registry.add("spring.datasource.url", () -> TestDatabase.jdbcUrl(postgres));
        TestCache.register(registry);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void withTheDatabaseDownCachedReadsSucceedOtherCallsAnswer503AndReadinessGoesDown() throws IOException {
        ApiClient api = new ApiClient(port);
        TenantId tenant = new TenantId("outage");
        String token = TestTokens.valid(tenant, Role.ADMIN);
        ApiClient.Response created = api.send("POST", "/api/v1/properties", token, SampleProperties.json());
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);

        assertThat(api.get("/api/v1/properties/" + id, token).status()).isEqualTo(200);

        postgres.close();
        postgres = null;

        ApiClient.Response cached = api.get("/api/v1/properties/" + id, token);
        assertThat(cached.status()).as("a read the cache holds: %s", cached).isEqualTo(200);
        assertThat(cached.json().get("id").asString()).isEqualTo(id);
        for (String path : new String[] {"", "/" + id + "/score", "/" + id + "/timeline"}) {
            ApiClient.Response response = api.get("/api/v1/properties" + path, token);
            assertThat(response.status()).as("GET %s: %s", path, response).isEqualTo(503);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("title").asString()).isEqualTo("Service unavailable");
        }
        assertThat(api.send("POST", "/api/v1/properties", token, SampleProperties.json()).status()).isEqualTo(503);
        ApiClient.Response readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }
}
