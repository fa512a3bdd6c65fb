package com.realestate.cache.spring;

import com.realestate.cache.test.TestRedis;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Context runners with this auto-configuration and Boot's own cache auto-configuration, as an application has them. */
final class TestContexts {

    /** Where nothing listens: the client starts anyway and every call is a miss. */
    static final String UNREACHABLE_REDIS = "redis://127.0.0.1:1/0";

    private TestContexts() {
    }

    /** No settings at all: the library's variables and defaults apply. */
    static ApplicationContextRunner bare() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(RealEstateCacheAutoConfiguration.class, CacheAutoConfiguration.class));
    }

    static ApplicationContextRunner withoutRedis() {
        return bare().withPropertyValues("realestate.cache.redis-url=" + UNREACHABLE_REDIS);
    }

    static ApplicationContextRunner with(TestRedis redis) {
        return bare().withPropertyValues(
                "realestate.cache.redis-url=" + redis.uri(),
                "realestate.cache.key-prefix=" + redis.keyPrefix());
    }

    /** The Redis key of the entry for the plain string key {@code key} of the cache under {@code keySegment}. */
    static String storedKey(TestRedis redis, String keySegment, String key) {
        return redis.keyPrefix() + keySegment + ":{" + keySegment + "}" + key;
    }
}
