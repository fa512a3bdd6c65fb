package com.realestate.property.cache;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Checks {@code realestate.property-cache.provider} before anything starts, so a misspelt provider stops the start
 * with a message naming the accepted values; and, for every provider but ours, turns {@code cache-spring}'s client
 * off ({@code realestate.cache.enabled=false}), so that "none" opens no Redis connection at all and the Spring Data
 * Redis peer runs on its own connection only.
 */
public class CacheProviderEnvironmentPostProcessor implements EnvironmentPostProcessor {

    /** The name of the property source it adds. */
    public static final String SOURCE_NAME = "propertyCacheProvider";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (CacheProvider.of(environment) != CacheProvider.REALESTATE) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME,
                    Map.of("realestate.cache.enabled", false)));
        }
    }
}
