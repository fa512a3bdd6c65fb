package com.realestate.cache.client;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;

/**
 * One set of meters per cache name, shared by the views of a client that carry that name, and removed with the
 * last of them. Micrometer keeps the first of two meters with one id, so a second set for the same name would count
 * nothing, and removing it would take the first one's series away too.
 */
final class MetricsByName {

    private record Users(CacheMetrics metrics, int count) {
    }

    private final MeterRegistry registry;
    private final Map<String, Users> byName = new HashMap<>();

    MetricsByName(MeterRegistry registry) {
        this.registry = registry;
    }

    synchronized CacheMetrics acquire(String name) {
        Users users = byName.get(name);
        CacheMetrics metrics = users != null ? users.metrics() : new CacheMetrics(name, registry);
        byName.put(name, new Users(metrics, users != null ? users.count() + 1 : 1));
        return metrics;
    }

    synchronized void release(String name) {
        Users users = byName.get(name);
        if (users == null) {
            return;
        }
        if (users.count() > 1) {
            byName.put(name, new Users(users.metrics(), users.count() - 1));
        } else {
            byName.remove(name);
            users.metrics().unbind();
        }
    }
}
