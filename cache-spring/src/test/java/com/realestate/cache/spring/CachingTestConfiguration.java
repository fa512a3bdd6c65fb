package com.realestate.cache.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An application with caching on, a meter registry and the counting {@link ListingService}; its package is trusted. */
@Configuration(proxyBeanMethods = false)
@EnableCaching
@AutoConfigurationPackage
class CachingTestConfiguration {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    ListingService listingService() {
        return new ListingService();
    }
}
