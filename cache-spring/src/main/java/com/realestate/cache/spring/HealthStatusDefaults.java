package com.realestate.cache.spring;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Teaches Boot's health endpoint the {@code DEGRADED} status of {@link RealEstateCacheHealthIndicator}: HTTP 200, and
 * a place in the order right after {@code UP}, so that the aggregate stays {@code UP} while any other component is.
 * A cache outage then never takes the instance out of a load balancer, whether the balancer reads the HTTP status or
 * the status text. Both are default properties, the weakest kind, so any setting of the application wins.
 */
class HealthStatusDefaults implements EnvironmentPostProcessor {

    static final String ORDER = "management.endpoint.health.status.order";
    static final String DEGRADED_HTTP_STATUS = "management.endpoint.health.status.http-mapping.degraded";
    /** Boot drops its own DOWN and OUT_OF_SERVICE mappings once any mapping is set, so they are restated. */
    static final String DOWN_HTTP_STATUS = "management.endpoint.health.status.http-mapping.down";
    static final String OUT_OF_SERVICE_HTTP_STATUS = "management.endpoint.health.status.http-mapping.out-of-service";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("realestate.cache.enabled", Boolean.class, true)) {
            return;
        }
        PropertySource<?> existing = environment.getPropertySources().get(DefaultPropertiesPropertySource.NAME);
        Map<String, Object> defaults = new HashMap<>();
        defaults.put(ORDER, "down,out-of-service,up,degraded,unknown");
        defaults.put(DEGRADED_HTTP_STATUS, 200);
        defaults.put(DOWN_HTTP_STATUS, 503);
        defaults.put(OUT_OF_SERVICE_HTTP_STATUS, 503);
        if (existing != null) {
            defaults.keySet().removeIf(existing::containsProperty);
        }
        DefaultPropertiesPropertySource.addOrMerge(defaults, environment.getPropertySources());
    }
}
