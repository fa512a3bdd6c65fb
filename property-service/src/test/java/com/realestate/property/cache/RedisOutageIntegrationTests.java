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
import java.time.Duration;
import java.util.UUID;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service with a Redis of its own that the tests kill, pause and bring back, and that it restarts around:
 * every request is answered from PostgreSQL during an outage, nothing written meanwhile is lost to the cache, and
 * no read after the outage returns a value cached before a write.
 */
class RedisOutageIntegrationTests {

    private static final String PROPERTIES = "/api/v1/properties";

    /** A database of this class's own: the shared one has other services' outbox relays polling it. */
    private static EmbeddedPostgres postgres;
    private RedisServer redis;
    private ConfigurableApplicationContext service;
    private ApiClient api;
    private JdbcClient jdbc;
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
        startService();
    }

    private void startService() {
        service = TestServices.start(TestDatabase.jdbcUrl(postgres), redis.uri(),
                "--realestate.cache.command-timeout=200ms",
                "--realestate.property-cache.relay-interval=100ms");
        api = TestServices.api(service);
        jdbc = service.getBean(JdbcClient.class);
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        redis.close();
    }

    private String create() {
        ApiClient.Response created = api.send("POST", PROPERTIES, admin, SampleProperties.json());
        assertThat(created.status()).as("create: %s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void everyEndpointAnswersFromPostgres(String id) {
        assertThat(api.get(PROPERTIES, admin).status()).isEqualTo(200);
        assertThat(api.get(PROPERTIES + "/" + id, admin).status()).isEqualTo(200);
        assertThat(api.get(PROPERTIES + "/" + id + "/score", admin).status()).isEqualTo(200);
        assertThat(api.get(PROPERTIES + "/" + id + "/timeline", admin).status()).isEqualTo(200);
        String other = create();
        assertThat(api.send("PUT", PROPERTIES + "/" + other, admin,
                SampleProperties.with(body -> body.put("price", 450000))).status()).isEqualTo(200);
        assertThat(api.send("DELETE", PROPERTIES + "/" + other, admin, null).status()).isEqualTo(204);
        assertThat(api.send("POST", PROPERTIES + "/" + id + "/cache/invalidate", admin, null).status()).isEqualTo(202);
    }

    private long unpublished() {
        return jdbc.sql("SELECT count(*) FROM property_events WHERE tenant_id = :tenant AND published_at IS NULL")
                .param("tenant", tenant.value()).query(Long.class).single();
    }

    private String price(String id) {
        return api.get(PROPERTIES + "/" + id, admin).json().get("price").decimalValue().stripTrailingZeros()
                .toPlainString();
    }

    @Test
    void withRedisKilledEveryRequestIsAnsweredFromPostgres() {
        String id = create();
        redis.stop();

        everyEndpointAnswersFromPostgres(id);
    }

    @Test
    void withRedisPausedEveryRequestIsAnsweredFromPostgres() {
        String id = create();
        redis.pause();

        everyEndpointAnswersFromPostgres(id);
        redis.resume();
    }

    @Test
    void aServiceStartedWhileRedisIsDownServesFromPostgresAndCachesOnceRedisIsUp() {
        String id = create();
        service.close();
        redis.stop();

        startService();
        everyEndpointAnswersFromPostgres(id);

        redis.restart();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            api.get(PROPERTIES + "/" + id, admin);
            return service.getBean(CacheClient.class).isAvailable();
        });
        assertThat(price(id)).isEqualTo("400000");
    }

    @Test
    void aWriteDuringAnOutageIsNeverFollowedByAStaleReadAndItsEventsGoOutAfterwards() {
        for (int round = 0; round < 5; round++) {
            String id = create();
            assertThat(price(id)).isEqualTo("400000");
            redis.pause();
            String newPrice = String.valueOf(300000 + round);

            assertThat(api.send("PUT", PROPERTIES + "/" + id, admin,
                    SampleProperties.with(body -> body.put("price", Integer.parseInt(newPrice)))).status()).isEqualTo(200);
            assertThat(price(id)).as("during the outage").isEqualTo(newPrice);
            redis.resume();

            assertThat(price(id)).as("right after the outage, round %d", round).isEqualTo(newPrice);
            await().atMost(Duration.ofSeconds(15)).until(() -> unpublished() == 0);
            assertThat(price(id)).isEqualTo(newPrice);
        }
    }

    @Test
    void eventsWrittenWhileRedisWasDownAreRelayedByTheRestartedService() {
        String id = create();
        assertThat(price(id)).isEqualTo("400000");
        redis.pause();
        assertThat(api.send("PUT", PROPERTIES + "/" + id, admin,
                SampleProperties.with(body -> body.put("price", 250000))).status()).isEqualTo(200);
        assertThat(unpublished()).isPositive();

        service.close();
        service = null;
        redis.resume();
        startService();

        await().atMost(Duration.ofSeconds(15)).until(() -> unpublished() == 0);
        assertThat(price(id)).isEqualTo("250000");
    }

    @Test
    void aManualInvalidationRedisMissedOutlivesTheServiceAndTheNextOneCarriesItOut() {
        String id = create();
        assertThat(price(id)).isEqualTo("400000");
        jdbc.sql("UPDATE properties SET price = 275000 WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value()).param("id", id).update();
        assertThat(price(id)).as("cached before the row changed").isEqualTo("400000");
        redis.pause();

        ApiClient.Response invalidated = api.send("POST", PROPERTIES + "/" + id + "/cache/invalidate", admin, null);
        assertThat(invalidated.json().get("performed").asBoolean()).isFalse();
        assertThat(pendingInvalidations()).isPositive();
        service.close();
        service = null;
        redis.resume();
        startService();

        assertThat(price(id)).isEqualTo("275000");
        await().atMost(Duration.ofSeconds(15)).until(() -> pendingInvalidations() == 0);
    }

    private long pendingInvalidations() {
        return jdbc.sql("SELECT count(*) FROM pending_invalidations").query(Long.class).single();
    }
}
