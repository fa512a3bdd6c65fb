package com.realestate.property.system;

import com.realestate.property.cache.CacheProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Reports which cache the reads go through and where it lives, once in the log at start and under {@code cache} on
 * {@code /actuator/info}, so an operator can see which Redis (embedded or not) a run is wired to, or that it uses none.
 */
@Component
public class CacheSettingsReport implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(CacheSettingsReport.class);

    private final ServiceCacheSettings settings;
    private final CacheProvider provider;
    private final boolean embedded;

    /** A report of the given settings. */
    public CacheSettingsReport(ServiceCacheSettings settings, Environment environment) {
        this.settings = settings;
        this.provider = CacheProvider.of(environment);
        this.embedded = environment.getProperty(LocalRunBootstrap.EMBEDDED_REDIS, Boolean.class, false);
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("provider", provider.value());
        if (provider != CacheProvider.NONE) {
            cache.put("redisUrl", settings.redactedRedisUrl());
            cache.put("embeddedRedis", embedded);
            cache.put("defaultTtlSeconds", settings.defaultTtl().toSeconds());
            cache.put("keyPrefix", settings.keyPrefix());
        }
        builder.withDetail("cache", cache);
    }

    /** Logs the settings once the service is ready. */
    @EventListener(ApplicationReadyEvent.class)
    public void logSettings() {
        if (provider == CacheProvider.NONE) {
            log.info("Cache settings: provider none, every read goes to PostgreSQL and no Redis is used");
            return;
        }
        log.info("Cache settings: provider {}, Redis {}{}, default TTL {} s, key prefix '{}'", provider.value(),
                settings.redactedRedisUrl(), embedded ? " (embedded)" : "", settings.defaultTtl().toSeconds(),
                settings.keyPrefix());
    }
}
