package com.realestate.property.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheStatus;
import com.realestate.cache.key.ClusterSlots;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import com.realestate.cache.test.ClusterNode;
import com.realestate.cache.test.RedisCluster;
import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.SampleProperties;
import com.realestate.property.support.TestDatabase;
import com.realestate.property.support.TestServices;
import com.realestate.property.support.TestTokens;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service with {@code REDIS_URL} listing the seeds of a three-master Redis Cluster: tenants whose keys live on
 * every master are cached, see their writes at once and are invalidated, exactly as on one server.
 */
class ClusterCachingIntegrationTests {

    private static final String PROPERTIES = "/api/v1/properties";
    private static final String PREFIX = "realestate:";

    private static RedisCluster cluster;
    private static ConfigurableApplicationContext service;
    private static ApiClient api;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        cluster = RedisCluster.start();
        service = TestServices.start(TestDatabase.sharedJdbcUrl(), cluster.redisUrl(), "--CACHE_KEY_PREFIX=" + PREFIX);
        api = TestServices.api(service);
        jdbc = service.getBean(JdbcClient.class);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        cluster.close();
    }

    /** One new tenant per master, by the slot of the tenant's hash tag. */
    private static Map<ClusterNode, TenantId> tenantsOnEveryMaster() {
        Map<ClusterNode, TenantId> tenants = new LinkedHashMap<>();
        while (tenants.size() < RedisCluster.MASTERS) {
            TenantId tenant = new TenantId("t-" + UUID.randomUUID());
            tenants.putIfAbsent(cluster.masterOfSlot(ClusterSlots.slot(PREFIX + PropertyKeys.hashTag(tenant))), tenant);
        }
        return tenants;
    }

    private static String create(String admin) {
        ApiClient.Response created = api.send("POST", PROPERTIES, admin, SampleProperties.json());
        assertThat(created.status()).as("create: %s", created).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String price(String path, String token) {
        return api.get(path, token).json().get("price").decimalValue().stripTrailingZeros().toPlainString();
    }

    @Test
    void readsAreCachedOnTheTenantsMasterAndEveryWriteIsVisibleOnTheNextRead() {
        tenantsOnEveryMaster().forEach((master, tenant) -> {
            String admin = TestTokens.valid(tenant, Role.ADMIN);
            String id = create(admin);
            String detail = PROPERTIES + "/" + id;
            assertThat(api.get(detail, admin).status()).isEqualTo(200);
            assertThat(api.get(PROPERTIES, admin).json().get("total").asLong()).isEqualTo(1);
            assertThat(master.command("EXISTS", PREFIX + PropertyKeys.detail(tenant, new PropertyId(id))))
                    .as("the detail is cached on the master of its tenant").isEqualTo("1");

            assertThat(api.send("PUT", detail, admin, SampleProperties.with(body -> body.put("price", 150000)))
                    .status()).isEqualTo(200);

            assertThat(price(detail, admin)).isEqualTo("150000");
            assertThat(api.get(PROPERTIES, admin).json().get("items").get(0).get("price").decimalValue())
                    .isEqualByComparingTo("150000");
        });
    }

    @Test
    void aManualInvalidationReachesTheClusterSoTheNextReadGoesToTheDatabase() {
        TenantId tenant = tenantsOnEveryMaster().values().iterator().next();
        String admin = TestTokens.valid(tenant, Role.ADMIN);
        String id = create(admin);
        String detail = PROPERTIES + "/" + id;
        assertThat(api.get(detail, admin).status()).isEqualTo(200);
        jdbc.sql("UPDATE properties SET price = 99000 WHERE id = :id").param("id", id).update();
        assertThat(price(detail, admin)).as("still served from the cluster").isNotEqualTo("99000");

        assertThat(api.send("POST", detail + "/cache/invalidate", admin, null).status()).isEqualTo(202);

        assertThat(price(detail, admin)).isEqualTo("99000");
    }

    @Test
    void theCacheReportsAConnectedCluster() {
        CacheStatus status = service.getBean(CacheClient.class).status();

        assertThat(status.cluster()).isTrue();
        assertThat(status.available()).isTrue();
        assertThat(status.redisUrl()).isEqualTo(cluster.redisUrl());
    }
}
