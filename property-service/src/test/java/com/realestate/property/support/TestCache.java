package com.realestate.property.support;

import com.realestate.cache.test.RedisServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Redis the service's tests cache in: one redis-server per test JVM, started on first use on a free
 * loopback port and stopped when the JVM exits. Tests that stop or pause Redis start one of their own.
 */
public final class TestCache {

    private static RedisServer shared;

    private TestCache() {
    }

    /** The shared server, started on first use. */
    public static synchronized RedisServer shared() {
        if (shared == null || !shared.isRunning()) {
            shared = RedisServer.start();
        }
        return shared;
    }

    /** Points a Spring test context's cache at the shared server. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("realestate.cache.redis-url", () -> shared().uri());
    }
}
