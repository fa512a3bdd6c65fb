package com.realestate.cache.spring;

import com.realestate.cache.client.CacheClient;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Import;

/**
 * Serves Spring's cache abstraction ({@code @Cacheable}, {@code @CachePut}, {@code @CacheEvict}, {@code @Caching})
 * from Redis through the library's {@link CacheClient}, so annotated code keeps working unchanged and a Redis
 * outage only makes it slower. Active unless {@code realestate.cache.enabled=false}; it runs before Boot's own cache
 * auto-configuration, which then backs off, and every bean backs off in turn for one the application defines:
 *
 * <ul>
 *   <li>a {@link CacheClient} built from {@link RealEstateCacheProperties}, reporting to the application's
 *       {@code MeterRegistry};</li>
 *   <li>with {@code @EnableCaching}, the {@link RealEstateCacheManager} {@code cacheManager}, unless
 *       {@code spring.cache.type} names another cache type, adjusted by any
 *       {@link RealEstateCacheManagerCustomizer};</li>
 *   <li>with Boot's health support, a {@link RealEstateCacheHealthIndicator} ({@code realEstateCache});</li>
 *   <li>a {@code DurableInvalidator} and an {@code EventDrivenInvalidator} that runs the built-in strategies and
 *       every {@code InvalidationStrategy} bean.</li>
 * </ul>
 */
@AutoConfiguration(beforeName = "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration")
@ConditionalOnClass({CacheClient.class, CacheManager.class})
@ConditionalOnBooleanProperty(name = "realestate.cache.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RealEstateCacheProperties.class)
@Import({ClientConfiguration.class, CacheManagerConfiguration.class, HealthConfiguration.class,
    InvalidationConfiguration.class})
public final class RealEstateCacheAutoConfiguration {
}
