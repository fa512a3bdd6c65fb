package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheSettingsTests {

    @Test
    void defaultsFollowTheDeveloperGuide() {
        CacheSettings settings = CacheSettings.fromEnvironment(Map.of());

        assertThat(settings.redisUrl()).isEqualTo("redis://localhost:6379/0");
        assertThat(settings.keyPrefix()).isEqualTo("realestate:");
        assertThat(settings.defaultTtl()).isEqualTo(Duration.ofSeconds(3600));
        assertThat(settings.commandTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void environmentOverridesEveryDefault() {
        CacheSettings settings = CacheSettings.fromEnvironment(Map.of(
                "REDIS_URL", "rediss://:s3cret@cache.internal:6380/4",
                "CACHE_DEFAULT_TTL", "120",
                "CACHE_KEY_PREFIX", "tenantcache:",
                "CACHE_COMMAND_TIMEOUT_MS", "250",
                "CACHE_CONNECT_TIMEOUT_MS", "900"));

        assertThat(settings.defaultTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.keyPrefix()).isEqualTo("tenantcache:");
        assertThat(settings.commandTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(900));
        assertThat(settings.redisUri().isSsl()).isTrue();
        assertThat(settings.redisUri().getDatabase()).isEqualTo(4);
        assertThat(new String(settings.redisUri().getPassword())).isEqualTo("s3cret");
    }

    @Test
    void displayedUrlNeverShowsThePassword() {
        CacheSettings settings = CacheSettings.defaults().withRedisUrl("redis://user:s3cret@cache.internal:6380/2");

        assertThat(settings.redisUrlForDisplay()).isEqualTo("redis://cache.internal:6380/2").doesNotContain("s3cret");
    }

    @Test
    void malformedTtlNamesTheVariable() {
        assertThatThrownBy(() -> CacheSettings.fromEnvironment(Map.of("CACHE_DEFAULT_TTL", "an hour")))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("CACHE_DEFAULT_TTL")
                .hasMessageContaining("an hour");
        assertThatThrownBy(() -> CacheSettings.fromEnvironment(Map.of("CACHE_DEFAULT_TTL", "0")))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("CACHE_DEFAULT_TTL");
    }

    @Test
    void urlWithAnotherSchemeIsRefusedWithoutLeakingThePassword() {
        assertThatThrownBy(() -> CacheSettings.defaults().withRedisUrl("http://:hunter2@localhost:6379"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("redis://")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void blankPrefixIsRefusedBecauseFlushWouldHaveNoScope() {
        assertThatThrownBy(() -> CacheSettings.defaults().withKeyPrefix(" "))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("CACHE_KEY_PREFIX");
    }

    @Test
    void aPrefixWithHalfACharacterIsRefusedBecauseRedisWouldStoreItAsAnotherPrefix() {
        // Sent as UTF-8, the lone surrogate becomes '?': the keys of 'app?:', which flush could then never find.
        assertThatThrownBy(() -> CacheSettings.defaults().withKeyPrefix("app\uD800:"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("U+D800");
    }

    @Test
    void nonPositiveDurationsAreRefused() {
        assertThatThrownBy(() -> CacheSettings.defaults().withCommandTimeout(Duration.ZERO))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("commandTimeout");
        assertThatThrownBy(() -> CacheSettings.defaults().withDefaultTtl(Duration.ofSeconds(-1)))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("defaultTtl");
    }

    @Test
    void breakerSettingsAreValidated() {
        assertThatThrownBy(() -> new BreakerSettings(0, 5, 20, Duration.ofSeconds(1), 3))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("failureRatePercent");
        assertThatThrownBy(() -> new BreakerSettings(50, 5, 20, Duration.ofNanos(999_999), 3))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("openDuration must be at least 1 ms");
    }

    @Test
    void compressionIsOnForLargeLoadedValuesByDefaultAndOffForSetValues() {
        Compression compression = CacheSettings.defaults().compression();

        assertThat(compression.thresholdBytes()).isEqualTo(Compression.DEFAULT_THRESHOLD_BYTES);
        assertThat(compression.setValues()).isFalse();
        assertThat(compression.compresses(Compression.DEFAULT_THRESHOLD_BYTES)).isTrue();
        assertThat(Compression.off().compresses(Integer.MAX_VALUE - 1)).isFalse();
    }

    @Test
    void aDictionaryIsNeededToAskForOne() {
        assertThatThrownBy(() -> Compression.dictionary(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aCompressionThresholdBelowOneByteIsRefused() {
        assertThatThrownBy(() -> Compression.defaults().withThresholdBytes(0))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("thresholdBytes");
    }
}
