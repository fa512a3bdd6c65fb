package com.realestate.cache.spring;

/**
 * A bean that adjusts the auto-configured {@link RealEstateCacheManager} before its caches are created, for what
 * properties cannot express (a policy computed in code, dynamic creation switched off for one profile). Several
 * are applied in their {@code @Order}.
 */
@FunctionalInterface
public interface RealEstateCacheManagerCustomizer {

    /** Adjusts the manager; called once, before any cache exists. */
    void customize(RealEstateCacheManager manager);
}
