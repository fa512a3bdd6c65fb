package com.realestate.cache.spring;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.invalidation.DurableInvalidator;
import com.realestate.cache.invalidation.EventDrivenInvalidator;
import com.realestate.cache.invalidation.InvalidationStrategy;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Invalidation by domain events, ready to use: a {@link DurableInvalidator} on the application's client (nothing a
 * Redis outage refuses is lost) and an {@link EventDrivenInvalidator} running the built-in strategies plus every
 * {@link InvalidationStrategy} bean of the application, so a plug-in strategy is just a bean. Both back off for
 * the application's own.
 */
@Configuration(proxyBeanMethods = false)
class InvalidationConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    DurableInvalidator durableInvalidator(CacheClient cacheClient, ObjectProvider<MeterRegistry> registry) {
        return DurableInvalidator.builder(cacheClient).meterRegistry(registry.getIfAvailable(() -> Metrics.globalRegistry))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    EventDrivenInvalidator eventDrivenInvalidator(DurableInvalidator invalidator,
            ObjectProvider<InvalidationStrategy> strategies, ObjectProvider<MeterRegistry> registry) {
        EventDrivenInvalidator.Builder builder = EventDrivenInvalidator.builder(invalidator)
                .meterRegistry(registry.getIfAvailable(() -> Metrics.globalRegistry));
        strategies.orderedStream().forEach(builder::register);
        return builder.build();
    }
}
