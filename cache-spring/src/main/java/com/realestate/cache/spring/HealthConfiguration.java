package com.realestate.cache.spring;

import com.realestate.cache.client.CacheClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cache's health indicator, when Boot's health support is present and {@code management.health.realestate-cache.enabled} is not false. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("realestate-cache")
class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "realEstateCacheHealthIndicator")
    RealEstateCacheHealthIndicator realEstateCacheHealthIndicator(CacheClient client) {
        return new RealEstateCacheHealthIndicator(client);
    }
}
