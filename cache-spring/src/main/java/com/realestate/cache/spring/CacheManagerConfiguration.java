package com.realestate.cache.spring;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.LoadPolicy;
import com.realestate.cache.invalidation.DurableInvalidator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.cache.CacheManager;
import org.springframework.cache.interceptor.CacheAspectSupport;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The {@link RealEstateCacheManager} named {@code cacheManager}, when caching is enabled ({@code @EnableCaching}),
 * the application has no cache manager of its own and {@code spring.cache.type} does not ask for another one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(CacheAspectSupport.class)
@ConditionalOnMissingBean(value = CacheManager.class, name = "cacheResolver")
@Conditional(CacheManagerConfiguration.NoCacheTypeCondition.class)
class CacheManagerConfiguration {

    @Bean
    RealEstateCacheManager cacheManager(CacheClient client, RealEstateCacheProperties properties,
                                        ObjectProvider<RealEstateCacheManagerCustomizer> customizers,
                                        ObjectProvider<DurableInvalidator> durableInvalidator,
                                        BeanFactory beanFactory) {
        RealEstateCacheManager manager = new RealEstateCacheManager(client, trustedPackages(properties, beanFactory));
        manager.setDynamic(properties.dynamic());
        manager.setDurableInvalidator(durableInvalidator.getIfUnique());
        if (properties.nearCache().enabled()) {
            manager.setNearCache(properties.nearCache().toSettings());
        }
        LoadPolicy base = manager.defaultPolicy();
        properties.cacheNames().forEach(name -> manager.configureCache(name, base));
        properties.caches().forEach((name, spec) -> {
            String segment = spec.keyPrefix() != null ? spec.keyPrefix() : name;
            if (spec.nearCache() != null) {
                manager.configureCache(name, segment, spec.toPolicy(base), spec.nearCache());
            } else {
                manager.configureCache(name, segment, spec.toPolicy(base));
            }
        });
        customizers.orderedStream().forEach(customizer -> customizer.customize(manager));
        return manager;
    }

    /** The configured packages, or else {@code java.} and the application's auto-configuration packages. */
    static List<String> trustedPackages(RealEstateCacheProperties properties, BeanFactory beanFactory) {
        if (!properties.trustedPackages().isEmpty()) {
            return properties.trustedPackages();
        }
        List<String> packages = new ArrayList<>(List.of("java."));
        if (AutoConfigurationPackages.has(beanFactory)) {
            packages.addAll(AutoConfigurationPackages.get(beanFactory));
        }
        return packages;
    }

    /** Matches while {@code spring.cache.type} is unset: a type set there (even {@code none}) is Boot's to honour. */
    static class NoCacheTypeCondition extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String type = context.getEnvironment().getProperty("spring.cache.type");
            return StringUtils.hasText(type)
                    ? ConditionOutcome.noMatch("spring.cache.type is '" + type + "'")
                    : ConditionOutcome.match("spring.cache.type is not set");
        }
    }
}
