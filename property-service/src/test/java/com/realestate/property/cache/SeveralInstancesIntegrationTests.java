package com.realestate.property.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.realestate.cache.key.TenantId;
import com.realestate.cache.test.RedisServer;
import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.SampleProperties;
import com.realestate.property.support.TestDatabase;
import com.realestate.property.support.TestServices;
import com.realestate.property.support.TestTokens;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service on one PostgreSQL and one Redis, each with near caches in front of Redis: once a
 * write on one has returned and the near-cache window has passed, the other never serves the old value again.
 */
class SeveralInstancesIntegrationTests {

    private static final String PROPERTIES = "/api/v1/properties";
    /** Far above the milliseconds the window takes on loopback; only a broken invalidation path exceeds it. */
    private static final Duration WINDOW = Duration.ofSeconds(3);

    private static EmbeddedPostgres postgres;
    private static RedisServer redis;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    private final TenantId tenant = new TenantId("t-" + UUID.randomUUID());
    private final String admin = TestTokens.valid(tenant, Role.ADMIN);

    @BeforeAll
    static void start() {
        postgres = TestDatabase.start();
        redis = RedisServer.start();
        first = instance();
        second = instance();
    }

    private static ConfigurableApplicationContext instance() {
        return TestServices.start(TestDatabase.jdbcUrl(postgres), redis.uri(),
                "--realestate.cache.near-cache.enabled=true",
                "--realestate.property-cache.relay-interval=100ms");
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        redis.close();
        postgres.close();
    }

    private static double nearHits(ConfigurableApplicationContext instance, String cache) {
        FunctionCounter hits = instance.getBean(MeterRegistry.class).find("cache.near.gets")
                .tag("cache", cache).tag("result", "hit").functionCounter();
        return hits == null ? 0 : hits.count();
    }

    private String price(ApiClient api, String id) {
        return api.get(PROPERTIES + "/" + id, admin).json().get("price").decimalValue().stripTrailingZeros()
                .toPlainString();
    }

    private String listedPrice(ApiClient api, String id) {
        for (var item : api.get(PROPERTIES, admin).json().get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item.get("price").decimalValue().stripTrailingZeros().toPlainString();
            }
        }
        throw new AssertionError("property " + id + " is not listed");
    }

    @Test
    void aWriteOnOneInstanceIsNeverFollowedByAStaleReadOnTheOtherOnceTheWindowHasPassed() {
        ApiClient writer = TestServices.api(first);
        ApiClient reader = TestServices.api(second);
        ApiClient.Response created = writer.send("POST", PROPERTIES, admin, SampleProperties.json());
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        await().atMost(WINDOW).until(() -> {
            price(reader, id);
            return nearHits(second, "property-details") > 0;
        });

        for (int round = 0; round < 10; round++) {
            String newPrice = String.valueOf(500_000 + round);
            assertThat(reader.get(PROPERTIES, admin).status()).isEqualTo(200);
            assertThat(writer.send("PUT", PROPERTIES + "/" + id, admin,
                    SampleProperties.with(body -> body.put("price", Integer.parseInt(newPrice)))).status())
                    .isEqualTo(200);

            await().atMost(WINDOW).until(() -> price(reader, id).equals(newPrice) && listedPrice(reader, id).equals(newPrice));
            for (int read = 0; read < 5; read++) {
                assertThat(price(reader, id)).as("round %d, read %d", round, read).isEqualTo(newPrice);
                assertThat(listedPrice(reader, id)).as("round %d, read %d", round, read).isEqualTo(newPrice);
            }
        }
        assertThat(nearHits(second, "property-details")).isGreaterThan(10);
    }

    @Test
    void aDeleteOnOneInstanceIsSeenByTheOther() {
        ApiClient writer = TestServices.api(first);
        ApiClient reader = TestServices.api(second);
        String id = writer.send("POST", PROPERTIES, admin, SampleProperties.json()).json().get("id").asString();
        assertThat(reader.get(PROPERTIES + "/" + id, admin).status()).isEqualTo(200);
        assertThat(reader.get(PROPERTIES + "/" + id, admin).status()).isEqualTo(200);

        assertThat(writer.send("DELETE", PROPERTIES + "/" + id, admin, null).status()).isEqualTo(204);

        await().atMost(WINDOW).until(() -> reader.get(PROPERTIES + "/" + id, admin).status() == 404);
        assertThat(reader.get(PROPERTIES + "/" + id, admin).status()).isEqualTo(404);
    }
}
