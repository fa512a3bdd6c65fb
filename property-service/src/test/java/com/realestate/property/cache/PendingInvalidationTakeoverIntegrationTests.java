package com.realestate.property.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.key.TenantId;
import com.realestate.cache.test.RedisServer;
import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.SampleProperties;
import com.realestate.property.support.TestDatabase;
import com.realestate.property.support.TestServices;
import com.realestate.property.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on one PostgreSQL and one Redis that the test pauses: an invalidation one instance could not carry
 * out is taken over from PostgreSQL by the other, which skips the cache for what it touches until it lands and
 * carries it out even once the first has stopped, instead of waiting for the next instance to start.
 */
class PendingInvalidationTakeoverIntegrationTests {

    private static final String PROPERTIES = "/api/v1/properties";

    /** A database of this class's own: the shared one has other services' outboxes. */
    private static EmbeddedPostgres postgres;
    private RedisServer redis;
    private ConfigurableApplicationContext stopping;
    private ConfigurableApplicationContext running;
    private final TenantId tenant = new TenantId("t-" + UUID.randomUUID());
    private final String admin = TestTokens.valid(tenant, Role.ADMIN);

    @BeforeAll
    static void startDatabase() {
        postgres = TestDatabase.start();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void start() {
        redis = RedisServer.start();
        stopping = instance();
        running = instance();
    }

    private ConfigurableApplicationContext instance() {
        return TestServices.start(TestDatabase.jdbcUrl(postgres), redis.uri(),
                "--realestate.cache.command-timeout=200ms",
                "--realestate.property-cache.relay-interval=100ms");
    }

    @AfterEach
    void stop() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {stopping, running}) {
            if (instance != null) {
                instance.close();
            }
        }
        redis.close();
    }

    private String price(ApiClient api, String id) {
        return api.get(PROPERTIES + "/" + id, admin).json().get("price").decimalValue().stripTrailingZeros()
                .toPlainString();
    }

    /** Reads of another property during the outage open the instance's breaker, so what it writes never reaches Redis. */
    private void openTheBreakerOf(ConfigurableApplicationContext instance, ApiClient api, String other) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            api.get(PROPERTIES + "/" + other, admin);
            return !instance.getBean(CacheClient.class).isAvailable();
        });
    }

    private static double pendingInvalidations(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).get("cache.invalidation.pending").gauge().value();
    }

    @Test
    void aWriteDuringAnOutageIsNotReadStaleOnAnotherInstanceOnceRedisIsBack() {
        ApiClient first = TestServices.api(stopping);
        ApiClient second = TestServices.api(running);
        String id = first.send("POST", PROPERTIES, admin, SampleProperties.json()).json().get("id").asString();
        String other = first.send("POST", PROPERTIES, admin, SampleProperties.json()).json().get("id").asString();
        assertThat(price(second, id)).isEqualTo("400000");
        redis.pause();
        openTheBreakerOf(stopping, first, other);

        assertThat(first.send("PUT", PROPERTIES + "/" + id, admin,
                SampleProperties.with(body -> body.put("price", 310000))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> pendingInvalidations(running) > 0);
        redis.resume();

        assertThat(price(second, id)).isEqualTo("310000");
    }

    @Test
    void aManualInvalidationLeftPendingByAStoppedInstanceIsCarriedOutByOneStillRunning() {
        ApiClient first = TestServices.api(stopping);
        ApiClient second = TestServices.api(running);
        ApiClient.Response created = first.send("POST", PROPERTIES, admin, SampleProperties.json());
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(price(second, id)).isEqualTo("400000");
        running.getBean(JdbcClient.class).sql("UPDATE properties SET price = 275000 WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).update();
        assertThat(price(second, id)).as("cached before the row changed").isEqualTo("400000");
        String other = first.send("POST", PROPERTIES, admin, SampleProperties.json()).json().get("id").asString();
        redis.pause();
        openTheBreakerOf(stopping, first, other);

        ApiClient.Response invalidated = first.send("POST", PROPERTIES + "/" + id + "/cache/invalidate", admin, null);
        assertThat(invalidated.status()).isEqualTo(202);
        assertThat(invalidated.json().get("performed").asBoolean()).isFalse();
        stopping.close();
        stopping = null;
        redis.resume();

        await().atMost(Duration.ofSeconds(15)).until(() -> price(second, id).equals("275000"));
        assertThat(price(second, id)).isEqualTo("275000");
    }
}
