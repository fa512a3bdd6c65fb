package com.realestate.property.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.client.CacheConfigurationException;
import com.realestate.property.system.ServiceCacheSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisNode;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.mock.env.MockEnvironment;

/**
 * The Spring Data Redis peer reads {@code REDIS_URL} as our own client does (cache-core's parser), so that both
 * providers reach the same Redis with the same credentials, and a bad URL never shows its password.
 */
class SpringDataRedisConnectionTests {

    private final SpringDataRedisCachingConfiguration configuration = new SpringDataRedisCachingConfiguration();

    @Test
    void aPasswordWithHashQuestionMarkAndAtIsReadWholeAsOurClientReadsIt() {
        LettuceConnectionFactory factory = factory("redis://app:p#ss?w@rd@cache:6380/3", new MockEnvironment());

        assertThat(factory.getStandaloneConfiguration()).isNotNull();
        assertThat(factory.getClusterConfiguration()).isNull();
        assertThat(factory.getHostName()).isEqualTo("cache");
        assertThat(factory.getPort()).isEqualTo(6380);
        assertThat(factory.getDatabase()).isEqualTo(3);
        assertThat(factory.getPassword()).isEqualTo("p#ss?w@rd");
    }

    @Test
    void aMalformedUrlIsRefusedNamingRedisUrlWithoutItsPassword() {
        assertThatThrownBy(() -> factory("redis://:hunter2#x@cache:notaport/0", new MockEnvironment()))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("REDIS_URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aSeedListIsARedisClusterWithTheSharedPassword() {
        LettuceConnectionFactory factory = factory("redis://:s3cret@h1:7000,h2:7001", new MockEnvironment());

        RedisClusterConfiguration cluster = factory.getClusterConfiguration();
        assertThat(cluster).isNotNull();
        assertThat(cluster.getClusterNodes())
                .containsExactlyInAnyOrder(new RedisNode("h1", 7000), new RedisNode("h2", 7001));
        assertThat(cluster.getPassword().get()).containsExactly("s3cret".toCharArray());
    }

    @Test
    void theClusterSwitchMakesASingleUrlTheSeedOfACluster() {
        MockEnvironment environment = new MockEnvironment().withProperty("realestate.cache.cluster", "true");

        LettuceConnectionFactory factory = factory("redis://h1:7000", environment);

        assertThat(factory.getClusterConfiguration().getClusterNodes()).containsExactly(new RedisNode("h1", 7000));
    }

    @Test
    void tlsAndTheCommandTimeoutComeFromTheUrlAndTheSettings() {
        MockEnvironment environment = new MockEnvironment().withProperty("realestate.cache.command-timeout", "750ms");
        environment.setConversionService(new ApplicationConversionService());

        LettuceConnectionFactory factory = factory("rediss://:s3cret@cache:6380/1", environment);

        assertThat(factory.getClientConfiguration().isUseSsl()).isTrue();
        assertThat(factory.getClientConfiguration().getCommandTimeout()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void cacheCommandTimeoutMsGivesThePeerTheCommandTimeoutOurClientHas() {
        MockEnvironment environment = new MockEnvironment().withProperty("CACHE_COMMAND_TIMEOUT_MS", "2000");

        LettuceConnectionFactory factory = factory("redis://cache:6379/0", environment);

        assertThat(factory.getClientConfiguration().getCommandTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    private LettuceConnectionFactory factory(String redisUrl, MockEnvironment environment) {
        return configuration.redisConnectionFactory(
                new ServiceCacheSettings(redisUrl, Duration.ofHours(1), "realestate:"), environment);
    }
}
