package com.realestate.property.invalidation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/** Wires the invalidation seam. */
@Configuration(proxyBeanMethods = false)
public class InvalidationConfiguration {

    /** The no-op port, used only while no other {@link CacheInvalidationPort} bean exists. */
    @Bean
    @Fallback
    CacheInvalidationPort noOpCacheInvalidation() {
        return new NoOpCacheInvalidation();
    }
}
