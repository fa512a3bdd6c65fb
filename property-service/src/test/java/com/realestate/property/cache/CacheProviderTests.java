package com.realestate.property.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class CacheProviderTests {

    @ParameterizedTest
    @CsvSource({"realestate, REALESTATE", "spring-data-redis, SPRING_DATA_REDIS", "SPRING_DATA_REDIS, SPRING_DATA_REDIS",
        "' none ', NONE", "'', REALESTATE"})
    void parsesTheSettingsNamesCaseInsensitively(String setting, CacheProvider expected) {
        assertThat(CacheProvider.parse(setting)).isEqualTo(expected);
    }

    @Test
    void anUnknownProviderIsRefusedWithTheSettingTheValueAndTheAcceptedValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> CacheProvider.parse("redis"))
                .withMessage("realestate.property-cache.provider must be one of realestate, spring-data-redis, none,"
                        + " was 'redis'");
    }

    @Test
    void anUnknownProviderStopsTheStartBeforeAnyBeanIsMade() {
        MockEnvironment environment = new MockEnvironment().withProperty(CacheProvider.PROPERTY, "memcached");

        assertThatIllegalArgumentException().isThrownBy(() -> new CacheProviderEnvironmentPostProcessor()
                .postProcessEnvironment(environment, new SpringApplication())).withMessageContaining("memcached");
    }

    @ParameterizedTest
    @CsvSource({"none", "spring-data-redis"})
    void everyProviderButOursTurnsOurRedisClientOff(String provider) {
        MockEnvironment environment = new MockEnvironment().withProperty(CacheProvider.PROPERTY, provider);

        new CacheProviderEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("realestate.cache.enabled")).isEqualTo("false");
    }

    @Test
    void oursKeepsItsRedisClient() {
        MockEnvironment environment = new MockEnvironment();

        new CacheProviderEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("realestate.cache.enabled")).isNull();
    }
}
