package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@RedisTest
class PatternDeleteIntegrationTests {

    private static final int MATCHING = 50_000;

    @Test
    void scanDeleteOfFiftyThousandKeysLeavesEverythingElseAlone(TestRedis redis) {
        String prefix = redis.keyPrefix() + "cache:";
        String sibling = redis.keyPrefix() + "cachex:";
        String elsewhere = redis.keyPrefix() + "elsewhere:" + prefix;
        mset(redis, prefix + "property:", MATCHING);
        mset(redis, prefix + "tenant:", 500);
        mset(redis, sibling + "property:", 500);
        mset(redis, elsewhere + "property:", 500);

        try (CacheClient cache = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(prefix)
                .meterRegistry(new SimpleMeterRegistry()).build()) {
            BulkDeleteResult result = cache.deletePattern("property:*");

            assertThat(result).isEqualTo(new BulkDeleteResult(MATCHING, true));
        }
        assertThat(redis.countKeys(prefix + "property:*")).isZero();
        assertThat(redis.countKeys(prefix + "tenant:*")).isEqualTo(500);
        assertThat(redis.countKeys(sibling + "property:*")).isEqualTo(500);
        assertThat(redis.countKeys(elsewhere + "property:*")).isEqualTo(500);
    }

    @Test
    void globCharactersInThePrefixCannotWidenTheDelete(TestRedis redis) {
        String starry = redis.keyPrefix() + "*:";
        String neighbour = redis.keyPrefix() + "a:";
        redis.command("SET", starry + "property:1", "1");
        redis.command("SET", neighbour + "property:1", "1");

        try (CacheClient cache = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(starry)
                .meterRegistry(new SimpleMeterRegistry()).build()) {
            assertThat(cache.flush()).isEqualTo(new BulkDeleteResult(1, true));
        }
        assertThat(redis.command("EXISTS", neighbour + "property:1")).isEqualTo("1");
        assertThat(redis.command("EXISTS", starry + "property:1")).isEqualTo("0");
    }

    private static void mset(TestRedis redis, String keyPrefix, int count) {
        int batch = 5_000;
        for (int start = 0; start < count; start += batch) {
            List<String> args = new ArrayList<>();
            args.add("MSET");
            for (int i = start; i < Math.min(count, start + batch); i++) {
                args.add(keyPrefix + i);
                args.add("{\"n\":" + i + "}");
            }
            redis.command(args.toArray(String[]::new));
        }
    }
}
