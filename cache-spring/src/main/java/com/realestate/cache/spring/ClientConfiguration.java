package com.realestate.cache.spring;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.CacheSettings;
import com.realestate.cache.client.Compression;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link CacheClient}, unless the application has its own; its meters go to the application's registry and its
 * values are compressed as {@code realestate.cache.compression} says (or as the application's {@link Compression}
 * bean does).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(CacheClient.class)
class ClientConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClientConfiguration.class);

    /** What to compress, with which dictionaries, from {@code realestate.cache.compression}; read once, at start. */
    @Bean
    @ConditionalOnMissingBean
    Compression realEstateCacheCompression(RealEstateCacheProperties properties) {
        Compression compression = CompressionSettings.resolve(properties.compression());
        log.info(CompressionSettings.describe(compression, properties.compression()));
        return compression;
    }

    @Bean
    @ConditionalOnMissingBean
    CacheSettings realEstateCacheSettings(RealEstateCacheProperties properties, Environment environment,
                                          Compression compression) {
        return ConnectionSettings.resolve(properties, environment).withCompression(compression);
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
