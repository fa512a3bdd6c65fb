package com.realestate.property.cache;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import com.realestate.property.property.Property;
import com.realestate.property.property.PropertyQueryService;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Loads the details of the most recently changed properties into the cache once the service is ready, on a
 * thread of its own: bounded by {@code realestate.property-cache.warm-up-properties}, and never in the way of
 * readiness or of requests (warmed keys are loaded exactly as a request would, with single flight and leases).
 * It stops between two properties when the service stops, before the database pool and Redis close.
 */
final class CacheWarmer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CacheWarmer.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final CacheClient cache;
    private final PropertyReads reads;
    private final PropertyQueryService properties;
    private final PropertyCacheSettings settings;
    private volatile boolean stopping;
    private volatile Thread warming;

    CacheWarmer(CacheClient cache, PropertyReads reads, PropertyQueryService properties,
            PropertyCacheSettings settings) {
        this.cache = cache;
        this.reads = reads;
        this.properties = properties;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmInBackground() {
        if (settings.warmUpProperties() > 0) {
            warming = Thread.ofVirtual().name("cache-warm-up").start(this::warm);
        }
    }

    void warm() {
        try {
            if (stopping) {
                return;
            }
            if (!cache.isAvailable()) {
                log.info("Cache warm-up skipped: Redis is not available");
                return;
            }
            List<Property> recent = properties.recentlyChanged(settings.warmUpProperties());
            for (int loaded = 0; loaded < recent.size(); loaded++) {
                if (stopping) {
                    log.info("Cache warm-up stopped after {} of {} property details: the service is stopping",
                            loaded, recent.size());
                    return;
                }
                Property property = recent.get(loaded);
                reads.detail(new TenantId(property.tenantId()), new PropertyId(property.id()));
            }
            log.info("Cache warm-up loaded {} property details", recent.size());
        } catch (RuntimeException e) {
            log.warn("Cache warm-up stopped early; the cache fills on demand instead", e);
        }
    }

    /** Stops the warm-up between two properties and waits for it, so that it never reads from a closed pool. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        Thread running = warming;
        if (running != null) {
            running.join(STOP_WAIT);
        }
    }
}
