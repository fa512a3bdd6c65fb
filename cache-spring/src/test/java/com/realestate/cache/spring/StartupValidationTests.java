package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.client.CacheSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/** Settings come from properties, else from the library's variables; a value that cannot work stops the start. */
class StartupValidationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    static class CachingOn {
    }

    private final ApplicationContextRunner runner = TestContexts.withoutRedis().withUserConfiguration(CachingOn.class);

    /** The messages of the failure and all its causes, as a person reading the start-up log sees them. */
    private static String failureText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Test
    void aTtlJitterOutOfRangeStopsTheStartNamingTheCacheAndTheLimit() {
        runner.withPropertyValues("realestate.cache.caches.listings.ttl-jitter=0.9").run(context -> {
            assertThat(context).hasFailed();
            assertThat(failureText(context.getStartupFailure()))
                    .contains("realestate.cache.caches.listings")
                    .contains("ttlJitter must be between 0 and 0.5, was 0.9");
        });
    }

    @Test
    void aNegativeTtlStopsTheStart() {
        runner.withPropertyValues("realestate.cache.caches.listings.ttl=-5m").run(context -> {
            assertThat(context).hasFailed();
            assertThat(failureText(context.getStartupFailure())).contains("ttl must be positive, was PT-5M");
        });
    }

    @Test
    void aTtlThatIsNoDurationStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("realestate.cache.caches.listings.ttl=soon").run(context -> {
            assertThat(context).hasFailed();
            assertThat(failureText(context.getStartupFailure()))
                    .contains("realestate.cache.caches.listings.ttl").contains("soon");
        });
    }

    @Test
    void aRedisUrlOfAnotherSchemeStopsTheStartNamingTheProperty() {
        runner.withPropertyValues("realestate.cache.redis-url=http://cache:6379").run(context -> {
            assertThat(context).hasFailed();
            assertThat(failureText(context.getStartupFailure()))
                    .contains("realestate.cache.redis-url cannot be used: REDIS_URL must start with redis:// or rediss://");
        });
    }

    @Test
    void aKeyPrefixWithAColonStopsTheStart() {
        runner.withPropertyValues("realestate.cache.caches.listings.key-prefix=a:b").run(context -> {
            assertThat(context).hasFailed();
            assertThat(failureText(context.getStartupFailure()))
                    .contains("Cache 'listings' cannot keep its keys under 'a:b'");
        });
    }

    @Test
    void aKeyPrefixWithBracesStopsTheStart() {
        runner.withPropertyValues("realestate.cache.caches.listings.key-prefix=a{}").run(context -> {
            assertThat(context).hasFailed();
            assertThat(failureText(context.getStartupFailure()))
                    .contains("Cache 'listings' cannot keep its keys under 'a{}'").contains("braces");
        });
    }

    @Test
    void twoCachesUnderOneKeyPrefixStopTheStart() {
        runner.withPropertyValues("realestate.cache.caches.listings.key-prefix=shared",
                        "realestate.cache.caches.scores.key-prefix=shared")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(failureText(context.getStartupFailure())).contains("would share the key segment 'shared'");
                });
    }

    @Test
    void unsetSettingsComeFromTheLibrarysVariables() {
        TestContexts.bare()
                .withPropertyValues("REDIS_URL=redis://127.0.0.1:1/3", "CACHE_KEY_PREFIX=env:", "CACHE_DEFAULT_TTL=120",
                        "CACHE_COMMAND_TIMEOUT_MS=250")
                .run(context -> {
                    CacheSettings settings = context.getBean(CacheSettings.class);
                    assertThat(settings.redisUrl()).isEqualTo("redis://127.0.0.1:1/3");
                    assertThat(settings.keyPrefix()).isEqualTo("env:");
                    assertThat(settings.defaultTtl()).isEqualTo(Duration.ofSeconds(120));
                    assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMillis(250));
                });
    }

    @Test
    void propertiesWinOverTheLibrarysVariables() {
        TestContexts.bare()
                .withPropertyValues("REDIS_URL=not a url", "CACHE_KEY_PREFIX=env:",
                        "realestate.cache.redis-url=redis://127.0.0.1:1/4", "realestate.cache.key-prefix=props:",
                        "realestate.cache.default-ttl=15m")
                .run(context -> {
                    CacheSettings settings = context.getBean(CacheSettings.class);
                    assertThat(settings.redisUrl()).isEqualTo("redis://127.0.0.1:1/4");
                    assertThat(settings.keyPrefix()).isEqualTo("props:");
                    assertThat(settings.defaultTtl()).isEqualTo(Duration.ofMinutes(15));
                });
    }

    @Test
    void aMalformedVariableStopsTheStartNamingTheVariable() {
        TestContexts.bare()
                .withPropertyValues("CACHE_DEFAULT_TTL=an hour")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(failureText(context.getStartupFailure())).contains("CACHE_DEFAULT_TTL must be a positive whole number");
                });
    }
}
