package com.realestate.cache.spring;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.CacheSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The {@link CacheClient}, unless the application has its own; its meters go to the application's registry. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(CacheClient.class)
class ClientConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CacheSettings realEstateCacheSettings(RealEstateCacheProperties properties, Environment environment) {
        return ConnectionSettings.resolve(properties, environment);
    }

    @Bean(destroyMethod = "close")
    CacheClient realEstateCacheClient(CacheSettings settings, RealEstateCacheProperties properties,
                                      ObjectProvider<MeterRegistry> meterRegistry) {
        CacheClients.Builder builder = CacheClients.builder().settings(settings)
                .publishNearCacheInvalidations(properties.nearCache().enabled() || properties.nearCache().announceWrites());
        meterRegistry.ifAvailable(builder::meterRegistry);
        return builder.build();
    }
}
