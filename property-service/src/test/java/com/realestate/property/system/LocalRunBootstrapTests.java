package com.realestate.property.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.property.cache.CacheProvider;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.mock.env.MockEnvironment;

class LocalRunBootstrapTests {

    @Test
    void withNoCacheProviderNoEmbeddedRedisIsStartedEvenWithoutARedisUrl() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/postgres")
                .withProperty(CacheProvider.PROPERTY, "none");

        new LocalRunBootstrap().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));

        assertThat(environment.getProperty("REDIS_URL")).isNull();
        assertThat(environment.getProperty(LocalRunBootstrap.EMBEDDED_REDIS)).isNull();
    }
}
