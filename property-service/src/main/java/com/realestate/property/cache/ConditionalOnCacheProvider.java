package com.realestate.property.cache;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Registers the annotated configuration only when {@code realestate.property-cache.provider} names this provider. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Conditional(ConditionalOnCacheProvider.OnCacheProvider.class)
@interface ConditionalOnCacheProvider {

    /** The provider the configuration belongs to. */
    CacheProvider value();

    /** Matches the provider of the environment, parsed as at start. */
    final class OnCacheProvider implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnCacheProvider.class.getName());
            return attributes != null && attributes.get("value") == CacheProvider.of(context.getEnvironment());
        }
    }
}
