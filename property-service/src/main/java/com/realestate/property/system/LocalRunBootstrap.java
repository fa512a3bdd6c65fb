package com.realestate.property.system;

import com.realestate.property.cache.CacheProvider;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Fills in the infrastructure a local run lacks, before the application context starts: without a database URL
 * it starts an embedded PostgreSQL and turns on the local run (demo data and printed demo tokens); without
 * {@code REDIS_URL} it starts an embedded redis-server and sets {@code REDIS_URL} to it, unless the cache provider is
 * {@code none}; in a local run without
 * any JWT key it generates a random {@code JWT_SECRET}. The servers stop when the context closes, after every bean
 * that uses them, or at the latest once the JVM's shutdown has closed the application contexts.
 *
 * <p>Only {@code PropertyServiceApplication.main} registers it, so tests and other embeddings never start
 * servers by surprise.
 */
public final class LocalRunBootstrap implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** True when this run started its own database: the demo tenant is seeded and demo tokens are printed. */
    public static final String LOCAL_RUN = "realestate.local-run.enabled";

    /** True when this run started its own redis-server. */
    public static final String EMBEDDED_REDIS = "realestate.local-run.embedded-redis";

    private static final String SOURCE_NAME = "localRun";
    private static final int SECRET_BYTES = 48;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        EmbeddedServices services = new EmbeddedServices();
        Map<String, Object> properties = new LinkedHashMap<>();
        try {
            if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
                properties.put("spring.datasource.url", services.startPostgres());
                properties.put("spring.datasource.username", services.postgresUser());
                properties.put(LOCAL_RUN, true);
            }
            if (!StringUtils.hasText(environment.getProperty("REDIS_URL"))
                    && CacheProvider.of(environment) != CacheProvider.NONE) {
                properties.put("REDIS_URL", services.startRedis());
                properties.put(EMBEDDED_REDIS, true);
            }
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        if (properties.containsKey(LOCAL_RUN) && !hasJwtKey(environment)) {
            properties.put("JWT_SECRET", randomSecret());
        }
        if (properties.isEmpty()) {
            return;
        }
        SpringApplication.getShutdownHandlers().add(services::close);
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, properties));
        event.getSpringApplication().addInitializers(context -> ((GenericApplicationContext) context)
                .registerBean("embeddedServices", EmbeddedServices.class, () -> services,
                        definition -> definition.setDestroyMethodName("close")));
    }

    /** After logging is set up, so the servers' start is logged in the configured format. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    private static boolean hasJwtKey(ConfigurableEnvironment environment) {
        return StringUtils.hasText(environment.getProperty("realestate.jwt.secret"))
                || StringUtils.hasText(environment.getProperty("realestate.jwt.jwk-set-uri"));
    }

    private static String randomSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
