package com.realestate.property.system;

import com.realestate.cache.key.TenantId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A large demo data set for load runs ({@code realestate.demo.bulk.*}), off by default so that a normal start stays
 * fast: {@code properties} listings spread evenly over {@code tenants} tenants named {@code <tenant-prefix>1},
 * {@code <tenant-prefix>2}, and so on, with ids {@code p1}, {@code p2}, ... in each tenant.
 *
 * @param properties   how many listings in all; 0 seeds nothing
 * @param tenants      how many tenants share them
 * @param tenantPrefix the tenants' name before their number
 */
@ConfigurationProperties("realestate.demo.bulk")
public record BulkDemoSettings(
        @DefaultValue("0") int properties,
        @DefaultValue("8") int tenants,
        @DefaultValue("bench-") String tenantPrefix) {

    /** Most listings one start may seed. */
    public static final int MAX_PROPERTIES = 10_000_000;

    /** Validates the sizes and that the prefix makes valid tenant ids. */
    public BulkDemoSettings {
        if (properties < 0 || properties > MAX_PROPERTIES) {
            throw new IllegalArgumentException("realestate.demo.bulk.properties must be between 0 and "
                    + MAX_PROPERTIES + ", was " + properties);
        }
        if (tenants < 1 || tenants > 1000) {
            throw new IllegalArgumentException("realestate.demo.bulk.tenants must be between 1 and 1000, was "
                    + tenants);
        }
        try {
            new TenantId(tenantPrefix + tenants);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("realestate.demo.bulk.tenant-prefix does not make valid tenant ids: "
                    + e.getMessage(), e);
        }
    }

    /** The tenant with the number, from 1. */
    public TenantId tenant(int number) {
        return new TenantId(tenantPrefix + number);
    }

    /** How many listings the tenant with the number gets: an even share, the remainder going to the first ones. */
    public int propertiesOf(int number) {
        return properties / tenants + (number <= properties % tenants ? 1 : 0);
    }
}
