package com.realestate.property.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.realestate.property.PropertyServiceApplication;
import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The local run, started as {@code main} starts it with nothing configured: it brings its own PostgreSQL and
 * Redis, seeds the demo tenant, accepts the tokens it prints, and stops both servers when it stops.
 */
class LocalRunIntegrationTests {

    @Test
    void withNothingConfiguredTheServiceRunsOnItsOwnServersWithDemoDataAndDemoTokens() {
        assumeTrue(System.getenv("DATABASE_URL") == null, "the environment configures a database");
        boolean embeddedRedis = System.getenv("REDIS_URL") == null;
        int postgresPort;
        int redisPort;
        try (ConfigurableApplicationContext context = PropertyServiceApplication.application()
                .run("--server.port=0")) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            postgresPort = URI.create(context.getEnvironment().getRequiredProperty("spring.datasource.url")
                    .substring("jdbc:".length())).getPort();
            redisPort = URI.create(context.getEnvironment().getRequiredProperty("REDIS_URL")).getPort();
            Map<Role, String> tokens = context.getBean(LocalRunBanner.class).tokens();
            ApiClient api = new ApiClient(port);

            JsonNode all = api.get("/api/v1/properties", tokens.get(Role.USER)).json();
            assertThat(all.get("total").asLong()).isEqualTo(DemoDataSeeder.COUNT);
            assertThat(all.get("items").findValuesAsString("tenantId")).containsOnly(DemoDataSeeder.TENANT);
            String id = all.get("items").get(0).get("id").asString();
            assertThat(api.get("/api/v1/properties/" + id + "/score", tokens.get(Role.ANALYST)).status())
                    .isEqualTo(200);
            assertThat(api.send("DELETE", "/api/v1/properties/" + id, tokens.get(Role.OPS), null).status())
                    .isEqualTo(403);
            assertThat(api.send("POST", "/api/v1/properties/" + id + "/cache/invalidate", tokens.get(Role.ADMIN),
                    null).status()).isEqualTo(202);
            JsonNode cache = api.get("/actuator/info", null).json().get("cache");
            assertThat(cache.get("embeddedRedis").asBoolean()).isEqualTo(embeddedRedis);
            assertThat(listening(postgresPort)).isTrue();
            if (embeddedRedis) {
                assertThat(cache.get("redisUrl").asString()).startsWith("redis://127.0.0.1:" + redisPort);
                assertThat(listening(redisPort)).isTrue();
            }
        }
        assertThat(listening(postgresPort)).isFalse();
        if (embeddedRedis) {
            assertThat(listening(redisPort)).isFalse();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
