package com.realestate.property.cache;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The provider {@code none}: no cache and no Redis connection; every read goes to PostgreSQL. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCacheProvider(CacheProvider.NONE)
@EnableConfigurationProperties(PropertyCacheSettings.class)
class UncachedConfiguration {

    @Bean
    UncachedViews propertyViewCache() {
        return new UncachedViews();
    }
}
