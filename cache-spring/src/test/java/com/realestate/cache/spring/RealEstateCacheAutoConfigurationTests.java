package com.realestate.cache.spring;

import com.realestate.cache.invalidation.CacheInvalidator;
import com.realestate.cache.invalidation.DomainEvent;
import com.realestate.cache.invalidation.DurableInvalidator;
import com.realestate.cache.invalidation.EventDrivenInvalidator;
import com.realestate.cache.invalidation.InvalidationReport;
import com.realestate.cache.invalidation.InvalidationStrategy;
import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheClients;
import com.realestate.cache.client.CacheSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which beans the auto-configuration contributes, and when it steps aside. Redis need not be there. */
class RealEstateCacheAutoConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableCaching
    static class CachingOn {
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCacheManager {

        @Bean
        CacheManager myCacheManager() {
            return new ConcurrentMapCacheManager();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCacheClient {

        @Bean(destroyMethod = "close")
        CacheClient myCacheClient() {
            return CacheClients.builder().redisUrl(TestContexts.UNREACHABLE_REDIS).keyPrefix("mine:")
                    .meterRegistry(new SimpleMeterRegistry()).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customized {

        @Bean
        RealEstateCacheManagerCustomizer onlyDeclaredCaches() {
            return manager -> {
                manager.setDynamic(false);
                manager.configureCache("from-code", manager.defaultPolicy().withTtl(Duration.ofMinutes(3)));
            };
        }
    }

    /** A plug-in strategy, declared the Spring way. */
    static final class NoteStrategy implements InvalidationStrategy {

        @Override
        public boolean handles(String eventType) {
            return "note.added".equals(eventType);
        }

        @Override
        public InvalidationReport apply(DomainEvent event, CacheInvalidator invalidator) {
            return invalidator.invalidateTimeline(event.tenant(), event.property());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PluginStrategy {

        @Bean
        InvalidationStrategy noteStrategy() {
            return new NoteStrategy();
        }
    }

    @Test
    void strategyBeansArePluggedIntoTheEventDrivenInvalidator() {
        TestContexts.withoutRedis().withUserConfiguration(PluginStrategy.class).run(context -> {
            assertThat(context).hasSingleBean(DurableInvalidator.class).hasSingleBean(EventDrivenInvalidator.class);
            EventDrivenInvalidator invalidator = context.getBean(EventDrivenInvalidator.class);
            assertThat(invalidator.handles("note.added")).isTrue();
            assertThat(invalidator.handles("property.updated")).as("the built-in strategies stay").isTrue();
            assertThat(invalidator.strategies()).hasAtLeastOneElementOfType(NoteStrategy.class);
        });
    }

    @Test
    void withCachingEnabledItProvidesTheClientAndTheOnlyCacheManager() {
        TestContexts.withoutRedis().withUserConfiguration(CachingOn.class).run(context -> {
            assertThat(context).hasSingleBean(CacheClient.class).hasSingleBean(CacheSettings.class);
            assertThat(context).getBean("cacheManager").isInstanceOf(RealEstateCacheManager.class);
            assertThat(context).hasSingleBean(CacheManager.class);
        });
    }

    @Test
    void anApplicationCacheManagerIsLeftInCharge() {
        TestContexts.withoutRedis().withUserConfiguration(CachingOn.class, OwnCacheManager.class).run(context -> {
            assertThat(context).hasSingleBean(CacheManager.class).hasBean("myCacheManager");
            assertThat(context).doesNotHaveBean(RealEstateCacheManager.class);
            assertThat(context).hasSingleBean(CacheClient.class);
        });
    }

    @Test
    void anApplicationCacheClientIsTheOneTheCachesUse() {
        TestContexts.withoutRedis().withUserConfiguration(CachingOn.class, OwnCacheClient.class).run(context -> {
            assertThat(context).hasSingleBean(CacheClient.class).doesNotHaveBean(CacheSettings.class);
            assertThat(context.getBean(RealEstateCacheManager.class).client()).isSameAs(context.getBean(CacheClient.class));
        });
    }

    @Test
    void enabledFalseLeavesCachingToSpringBoot() {
        TestContexts.withoutRedis().withUserConfiguration(CachingOn.class)
                .withPropertyValues("realestate.cache.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(CacheClient.class).doesNotHaveBean(RealEstateCacheManager.class);
                    assertThat(context).hasSingleBean(CacheManager.class);
                    assertThat(context).getBean(CacheManager.class).isNotInstanceOf(RealEstateCacheManager.class);
                });
    }

    @Test
    void aCacheTypeChosenInSpringCacheTypeWins() {
        TestContexts.withoutRedis().withUserConfiguration(CachingOn.class)
                .withPropertyValues("spring.cache.type=none")
                .run(context -> assertThat(context).getBean(CacheManager.class).isInstanceOf(NoOpCacheManager.class));
    }

    @Test
    void withoutEnableCachingOnlyTheClientIsProvided() {
        TestContexts.withoutRedis().run(context -> {
            assertThat(context).hasSingleBean(CacheClient.class);
            assertThat(context).doesNotHaveBean(CacheManager.class);
        });
    }

    @Test
    void cacheNamesAndConfiguredCachesExistFromTheStart() {
        TestContexts.withoutRedis().withUserConfiguration(CachingOn.class)
                .withPropertyValues("realestate.cache.cache-names=listings,scores",
                        "realestate.cache.caches.details.ttl=10m")
                .run(context -> assertThat(context.getBean(RealEstateCacheManager.class).getCacheNames())
                        .containsExactlyInAnyOrder("listings", "scores", "details"));
    }

    @Test
    void dynamicFalseGivesNoCacheForAnUnconfiguredName() {
        TestContexts.withoutRedis().withUserConfiguration(CachingOn.class)
                .withPropertyValues("realestate.cache.cache-names=listings", "realestate.cache.dynamic=false")
                .run(context -> {
                    RealEstateCacheManager manager = context.getBean(RealEstateCacheManager.class);
                    assertThat(manager.getCache("listings")).isNotNull();
                    assertThat(manager.getCache("unknown")).isNull();
                });
    }

    @Test
    void namesNotConfiguredGetACacheWithTheDefaultPolicyOnFirstUse() {
        TestContexts.withoutRedis().withUserConfiguration(CachingOn.class)
                .withPropertyValues("realestate.cache.default-ttl=90")
                .run(context -> {
                    RealEstateCache cache = (RealEstateCache) context.getBean(RealEstateCacheManager.class).getCache("new");
                    assertThat(cache.policy().ttl()).isEqualTo(Duration.ofSeconds(90));
                    assertThat(cache.policy().earlyRefreshBeta()).isZero();
                });
    }

    @Test
    void aCustomizerAdjustsTheManagerBeforeItsCachesAreCreated() {
        TestContexts.withoutRedis().withUserConfiguration(CachingOn.class, Customized.class).run(context -> {
            RealEstateCacheManager manager = context.getBean(RealEstateCacheManager.class);
            assertThat(manager.getCacheNames()).containsExactly("from-code");
            assertThat(((RealEstateCache) manager.getCache("from-code")).policy().ttl()).isEqualTo(Duration.ofMinutes(3));
            assertThat(manager.getCache("other")).isNull();
        });
    }

    @Test
    void trustedPackagesDefaultToJavaAndTheApplicationsPackages() {
        TestContexts.withoutRedis().withUserConfiguration(CachingTestConfiguration.class)
                .run(context -> assertThat(context.getBean(RealEstateCacheManager.class).trustedPackages())
                        .containsExactly("java.", "com.realestate.cache.spring."));
    }

    @Test
    void configuredTrustedPackagesReplaceTheDefault() {
        TestContexts.withoutRedis().withUserConfiguration(CachingTestConfiguration.class)
                .withPropertyValues("realestate.cache.trusted-packages=java.,com.acme.listing")
                .run(context -> assertThat(context.getBean(RealEstateCacheManager.class).trustedPackages())
                        .containsExactly("java.", "com.acme.listing."));
    }

    @Test
    void theHealthIndicatorNeedsBootsHealthSupport() {
        TestContexts.withoutRedis().run(context -> assertThat(context).hasSingleBean(RealEstateCacheHealthIndicator.class));
        TestContexts.withoutRedis().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(CacheClient.class);
                    assertThat(context).doesNotHaveBean("realEstateCacheHealthIndicator");
                });
    }

    @Test
    void theHealthIndicatorCanBeSwitchedOff() {
        TestContexts.withoutRedis().withPropertyValues("management.health.realestate-cache.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(RealEstateCacheHealthIndicator.class));
    }

    @Test
    void theClientReportsToTheApplicationsMeterRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TestContexts.withoutRedis().withBean(SimpleMeterRegistry.class, () -> registry).run(context -> {
            context.getBean(CacheClient.class).get("k", String.class);
            assertThat(registry.find("cache.gets").tag("cache", "redis").tag("result", "miss").functionCounter())
                    .isNotNull();
        });
    }
}
