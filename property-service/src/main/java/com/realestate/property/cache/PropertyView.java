package com.realestate.property.cache;

import java.time.Duration;

/** The cached views of the Property API, each a named cache with its own TTL and meters. */
public enum PropertyView {

    /** A property's detail; "no such property" is remembered for the not-found TTL. */
    DETAILS("property-details"),

    /** One page of a tenant's list. */
    LISTS("property-lists"),

    /** A property's score. */
    SCORES("property-scores"),

    /** A property's timeline. */
    TIMELINES("property-timelines");

    private final String cacheName;

    PropertyView(String cacheName) {
        this.cacheName = cacheName;
    }

    /** The name of the view's cache, in meters and in Spring's cache manager. */
    public String cacheName() {
        return cacheName;
    }

    /** How long a value of this view lives. */
    public Duration ttl(PropertyCacheSettings settings) {
        return switch (this) {
            case DETAILS -> settings.detailTtl();
            case LISTS -> settings.listTtl();
            case SCORES -> settings.scoreTtl();
            case TIMELINES -> settings.timelineTtl();
        };
    }
}
