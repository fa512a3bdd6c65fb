package com.realestate.property.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.property.support.SampleProperties;
import com.realestate.property.support.TestCache;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.test.context.TestPropertySource;

/**
 * The peer provider, Spring Data Redis' {@code RedisCacheManager}, keeps the same contract as ours: it serves
 * repeated reads from Redis under the same tenant-scoped keys, and every write shows on the next read.
 */
@TestPropertySource(properties = CacheProvider.PROPERTY + "=spring-data-redis")
class SpringDataRedisProviderIntegrationTests extends CachedReadsContract {

    @Autowired
    private ApplicationContext context;

    @Test
    void readsGoThroughSpringsRedisCacheManagerAndNotOurClient() {
        assertThat(context.getBeansOfType(RedisCacheManager.class)).hasSize(1);
        assertThat(context.getBeansOfType(CacheClient.class)).isEmpty();
        assertThat(context.getBean(PropertyViewCache.class).provider()).isEqualTo(CacheProvider.SPRING_DATA_REDIS);
    }

    @Test
    void aCachedDetailLivesUnderTheCacheNameAndTheTenantScopedKeyForTheDetailTtl() {
        String id = create(tenant, SampleProperties.json());
        api.get(PROPERTIES + "/" + id, admin);

        String key = "realestate:property-details::" + PropertyKeys.detail(tenant, new PropertyId(id));
        long ttl = Long.parseLong(TestCache.shared().command("TTL", key));

        assertThat(ttl).as("seconds left of the 10 minute detail TTL").isBetween(1L, 600L);
    }

    @Test
    void aWriteClearsTheListPagesBeforeItsResponseEvenWhenTheScanTakesManyRoundTrips() {
        String unrelated = "unrelated-" + UUID.randomUUID() + ":";
        TestCache.shared().command("EVAL", "for i = 1, 50000 do redis.call('SET', ARGV[1] .. i, 'x') end return 1",
                "0", unrelated);
        try {
            aCreatedPropertyAppearsInCachedLists();
        } finally {
            TestCache.shared().command("EVAL", "for i = 1, 50000 do redis.call('UNLINK', ARGV[1] .. i) end return 1",
                    "0", unrelated);
        }
    }
}
