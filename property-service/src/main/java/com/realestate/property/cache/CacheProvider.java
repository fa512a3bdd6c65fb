package com.realestate.property.cache;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * Which cache the Property API's reads go through, chosen by {@code realestate.property-cache.provider}: ours, Spring
 * Data Redis' {@code RedisCacheManager} as a like-for-like peer, or none at all. The peer and "none" exist so that
 * the same service can be measured against them in one run.
 */
public enum CacheProvider {

    /** {@code cache-core}: fenced cache-aside with single flight, leases, O(1) list invalidation and the bus. */
    REALESTATE("realestate"),

    /** Spring Data Redis' {@code RedisCacheManager} on its own Lettuce connection, with its standard JSON values. */
    SPRING_DATA_REDIS("spring-data-redis"),

    /** No cache and no Redis: every read goes to PostgreSQL. */
    NONE("none");

    /** The setting that chooses the provider. */
    public static final String PROPERTY = "realestate.property-cache.provider";

    private final String value;

    CacheProvider(String value) {
        this.value = value;
    }

    /** The name the setting uses. */
    public String value() {
        return value;
    }

    /**
     * The provider a setting names, case-insensitively; blank or absent means {@link #REALESTATE}.
     *
     * @throws IllegalArgumentException naming the setting, the value and the accepted values
     */
    public static CacheProvider parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return REALESTATE;
        }
        String wanted = setting.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(provider -> provider.value.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(PROPERTY + " must be one of "
                        + Arrays.stream(values()).map(CacheProvider::value).collect(Collectors.joining(", "))
                        + ", was '" + setting + "'"));
    }

    /** The provider the environment asks for. */
    public static CacheProvider of(Environment environment) {
        return parse(environment.getProperty(PROPERTY));
    }
}
