package com.realestate.property.cache;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.invalidation.DurableInvalidator;
import com.realestate.cache.invalidation.EventDrivenInvalidator;
import com.realestate.cache.invalidation.InvalidationBus;
import com.realestate.cache.invalidation.PropertyUpdateStrategy;
import com.realestate.cache.invalidation.TimelineUpdateStrategy;
import com.realestate.cache.spring.RealEstateCacheProperties;
import com.realestate.property.events.PropertyEventRepository;
import com.realestate.property.property.PropertyQueryService;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our provider ({@code realestate}, the default): the client comes from the {@code cache-spring}
 * auto-configuration; this adds the durable invalidator every read and write goes through, the event-driven
 * invalidator with the service's strategies, the invalidation bus every instance listens to, the outbox relay that
 * feeds it, the takeover of invalidations other instances left pending, the reads' cache and the warm-up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCacheProvider(CacheProvider.REALESTATE)
@EnableConfigurationProperties(PropertyCacheSettings.class)
class RealEstateCachingConfiguration {

    /**
     * Invalidations Redis could not carry out are retried, kept in PostgreSQL meanwhile, and taken over by the
     * instances still running (and the next one to start) if this one stops first.
     */
    @Bean(destroyMethod = "close")
    DurableInvalidator durableInvalidator(CacheClient cache, MeterRegistry registry, Clock clock, JdbcClient jdbc,
                                          JsonMapper json) {
        return DurableInvalidator.builder(cache).outbox(new JdbcInvalidationOutbox(jdbc, json)).meterRegistry(registry)
                .clock(clock).build();
    }

    /**
     * Property writes drop the property's views and its tenant's lists; a recorded score calculation drops only
     * the timeline (see {@link ScoreRecordedStrategy}); {@code timeline.*} drops the timeline.
     */
    @Bean
    EventDrivenInvalidator eventDrivenInvalidator(DurableInvalidator invalidator, MeterRegistry registry) {
        return EventDrivenInvalidator.builder(invalidator)
                .withoutDefaultStrategies()
                .register(new PropertyUpdateStrategy())
                .register(new ScoreRecordedStrategy())
                .register(new TimelineUpdateStrategy())
                .meterRegistry(registry)
                .build();
    }

    @Bean(destroyMethod = "close")
    InvalidationBus invalidationBus(CacheClient cache, EventDrivenInvalidator invalidator, MeterRegistry registry) {
        InvalidationBus bus = InvalidationBus.builder(cache).meterRegistry(registry).build();
        bus.start(invalidator);
        return bus;
    }

    @Bean
    OutboxRelay outboxRelay(PropertyEventRepository events, InvalidationBus bus, TransactionTemplate transactions,
            Clock clock, PropertyCacheSettings settings, MeterRegistry registry) {
        return new OutboxRelay(events, bus, transactions, clock, settings.relayInterval(), registry);
    }

    @Bean
    PendingInvalidationTakeover pendingInvalidationTakeover(DurableInvalidator invalidator,
            PropertyCacheSettings settings) {
        return new PendingInvalidationTakeover(invalidator, settings.relayInterval());
    }

    @Bean
    RealEstateViewCache propertyViewCache(CacheClient cache, DurableInvalidator invalidator,
            EventDrivenInvalidator events, InvalidationBus bus, OutboxRelay relay, PropertyCacheSettings settings,
            RealEstateCacheProperties cacheProperties) {
        return new RealEstateViewCache(cache, invalidator, events, bus, relay, settings, cacheProperties.nearCache());
    }

    @Bean
    CacheWarmer cacheWarmer(CacheClient cache, PropertyReads reads, PropertyQueryService properties,
            PropertyCacheSettings settings) {
        return new CacheWarmer(cache, reads, properties, settings);
    }
}
