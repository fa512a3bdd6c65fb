package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisURI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code REDIS_URL} as a seed list and {@code REDIS_CLUSTER}: what is a cluster, and what is refused at start. */
class ClusterSettingsTests {

    @Test
    void aSeedListIsAClusterWhoseSeedsShareSchemeCredentialsAndOptions() {
        CacheSettings settings = CacheSettings.fromEnvironment(Map.of(
                "REDIS_URL", "rediss://app:s3cret@cache-a:7000, cache-b:7001,cache-c?verifyPeer=NONE"));

        assertThat(settings.clusterMode()).isTrue();
        assertThat(settings.redisUris()).extracting(RedisURI::getHost).containsExactly("cache-a", "cache-b", "cache-c");
        assertThat(settings.redisUris()).extracting(RedisURI::getPort).containsExactly(7000, 7001, 6379);
        assertThat(settings.redisUris()).allSatisfy(uri -> {
            assertThat(uri.isSsl()).isTrue();
            assertThat(uri.isVerifyPeer()).isFalse();
            assertThat(uri.getUsername()).isEqualTo("app");
            assertThat(new String(uri.getPassword())).isEqualTo("s3cret");
            assertThat(uri.getTimeout()).isEqualTo(settings.commandTimeout());
        });
    }

    @Test
    void aSingleUrlIsOneServerUnlessTheClusterSwitchIsOn() {
        assertThat(CacheSettings.fromEnvironment(Map.of("REDIS_URL", "redis://cache:7000")).clusterMode()).isFalse();

        CacheSettings switched = CacheSettings.fromEnvironment(Map.of("REDIS_URL", "redis://cache:7000",
                "REDIS_CLUSTER", "TRUE"));

        assertThat(switched.cluster()).isTrue();
        assertThat(switched.clusterMode()).isTrue();
        assertThat(switched.redisUris()).hasSize(1);
        assertThat(CacheSettings.defaults().withRedisUrl("redis://cache:7000").withCluster(true).clusterMode()).isTrue();
    }

    @Test
    void aSeedListIsAClusterEvenWithTheSwitchOff() {
        CacheSettings settings = CacheSettings.fromEnvironment(Map.of("REDIS_URL", "redis://a:7000,b:7001",
                "REDIS_CLUSTER", "false"));

        assertThat(settings.clusterMode()).isTrue();
    }

    @Test
    void theDisplayedSeedListHasNoPassword() {
        CacheSettings settings = CacheSettings.defaults().withRedisUrl("redis://:hunter2@a:7000,b:7001");

        assertThat(settings.redisUrlForDisplay()).isEqualTo("redis://a:7000,b:7001");
    }

    @Test
    void aClusterSwitchThatIsNotABooleanNamesTheVariable() {
        assertThatThrownBy(() -> CacheSettings.fromEnvironment(Map.of("REDIS_CLUSTER", "yes")))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("REDIS_CLUSTER").hasMessageContaining("yes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"redis://:hunter2@a:7000,,b:7001", "redis://:hunter2@a:7000,", "redis://:hunter2@,a:7000"})
    void anEmptySeedIsRefusedWithoutThePassword(String url) {
        assertThatThrownBy(() -> CacheSettings.defaults().withRedisUrl(url))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("REDIS_URL").hasMessageContaining("empty host").hasMessageNotContaining("hunter2");
    }

    @Test
    void aSchemePerSeedIsRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> CacheSettings.defaults().withRedisUrl("redis://a:7000,redis://b:7001"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("redis://host1:7000,host2:7001");
    }

    @Test
    void aDatabaseOtherThanZeroIsRefusedForACluster() {
        assertThatThrownBy(() -> CacheSettings.defaults().withRedisUrl("redis://a:7000,b:7001/2"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("database 2").hasMessageContaining("only database 0");
        assertThatThrownBy(() -> CacheSettings.defaults().withRedisUrl("redis://a:7000/3").withCluster(true))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("database 3");
    }

    @Test
    void aSeedWithABadPortIsRefused() {
        assertThatThrownBy(() -> CacheSettings.defaults().withRedisUrl("redis://a:7000,b:port"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("malformed");
    }

    @Test
    void aPrefixWithAHashTagIsRefusedOnAClusterOnly() {
        assertThat(CacheSettings.defaults().withKeyPrefix("app{1}:").keyPrefix()).isEqualTo("app{1}:");

        assertThatThrownBy(() -> CacheSettings.defaults().withRedisUrl("redis://a:7000,b:7001").withKeyPrefix("app{1}:"))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("CACHE_KEY_PREFIX").hasMessageContaining("one slot");
    }

    @Test
    void theBuilderTakesTheClusterSwitch() {
        assertThatThrownBy(() -> CacheClients.builder().keyPrefix("{x}").redisUrl("redis://a:7000").cluster(true))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("CACHE_KEY_PREFIX");
    }
}
