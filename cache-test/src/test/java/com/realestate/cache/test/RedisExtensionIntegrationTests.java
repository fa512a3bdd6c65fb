package com.realestate.cache.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@RedisTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisExtensionIntegrationTests {

    private static final Set<String> SEEN_PREFIXES = ConcurrentHashMap.newKeySet();
    private static String firstTestPrefix;

    private final TestRedis constructorRedis;
    private TestRedis beforeEachRedis;

    RedisExtensionIntegrationTests(TestRedis redis) {
        this.constructorRedis = redis;
    }

    @BeforeEach
    void everyTestGetsAFreshPrefix(TestRedis redis) {
        assertThat(redis.keyPrefix()).matches("test:[0-9a-f]{8}:");
        assertThat(SEEN_PREFIXES.add(redis.keyPrefix())).as("prefix %s is new", redis.keyPrefix()).isTrue();
        beforeEachRedis = redis;
    }

    @Test
    @Order(1)
    void firstTestWritesKeys(TestRedis redis) {
        firstTestPrefix = redis.keyPrefix();
        redis.command("SET", redis.keyPrefix() + "greeting", "hello");

        assertThat(redis.command("GET", redis.keyPrefix() + "greeting")).isEqualTo("hello");
        assertThat(redis.countKeys(redis.keyPrefix() + "*")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void nextTestStartsWithACleanKeyspace(TestRedis redis) {
        assertThat(firstTestPrefix).isNotNull().isNotEqualTo(redis.keyPrefix());
        assertThat(redis.countKeys(firstTestPrefix + "*")).isZero();
        if (!redis.external()) {
            assertThat(redis.command("DBSIZE")).isEqualTo("0");
        }
    }

    @Test
    void constructorLifecycleMethodAndTestShareOneTestRedis(TestRedis redis) {
        assertThat(constructorRedis).isSameAs(redis);
        assertThat(beforeEachRedis).isSameAs(redis);
    }

    @Test
    void localSharedServerIsOnLoopbackDatabaseZero(TestRedis redis) {
        assumeFalse(redis.external(), "only for the local shared server");

        assertThat(redis.uri()).matches("redis://127\\.0\\.0\\.1:\\d+/0");
    }

    @Test
    void countKeysFollowsTheScanCursorAcrossPages(TestRedis redis) {
        List<String> mset = new ArrayList<>(List.of("MSET"));
        for (int i = 0; i < 2_500; i++) {
            mset.add(redis.keyPrefix() + "item:" + i);
            mset.add("v");
        }
        redis.command(mset.toArray(String[]::new));

        assertThat(redis.countKeys(redis.keyPrefix() + "*")).isEqualTo(2_500);
        assertThat(redis.countKeys(redis.keyPrefix() + "item:1?")).isEqualTo(10);
        assertThat(redis.countKeys(redis.keyPrefix() + "nothing*")).isZero();
    }

    @Test
    void errorRepliesThrow(TestRedis redis) {
        assertThatThrownBy(() -> redis.command("NO-SUCH-COMMAND"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ERR unknown command");
    }

    @Test
    @DisruptsRedis
    void redisServerParameterIsADedicatedServer(TestRedis redis, RedisServer server, RedisServer sameServer) {
        assertThat(sameServer).isSameAs(server);
        assertThat(URI.create(redis.uri()).getPort()).isNotEqualTo(server.port());

        server.command("SET", redis.keyPrefix() + "only-on-dedicated", "1");
        server.stop();

        assertThat(redis.command("EXISTS", redis.keyPrefix() + "only-on-dedicated")).isEqualTo("0");
        assertThat(redis.command("PING")).isEqualTo("PONG");
    }
}
