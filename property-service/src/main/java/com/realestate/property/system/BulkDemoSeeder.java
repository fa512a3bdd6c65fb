package com.realestate.property.system;

import com.realestate.cache.key.TenantId;
import com.realestate.property.property.PropertyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the {@link BulkDemoSettings} data set in PostgreSQL itself, one {@code INSERT ... SELECT} over
 * {@code generate_series} per tenant, so that 100,000 listings take seconds. Listings are believable (ten cities with
 * their currency and price per m², types, sizes and statuses in realistic shares, so scores have comparables) and
 * the same on every run. Tenants that already have listings are left alone, so a restart does not seed again. Rows
 * only: no {@code property.created} events, so their timelines start empty.
 */
@Component
@Order(1)
@ConditionalOnProperty("realestate.demo.bulk.properties")
public class BulkDemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkDemoSeeder.class);

    private static final String INSERT = """
            WITH cities(i, city, region, country, currency, per_sqm, street, postal) AS (VALUES
                (0, 'Lisbon', 'Lisboa', 'PT', 'EUR', 5600, 'Rua Augusta', '1100-'),
                (1, 'Porto', 'Porto', 'PT', 'EUR', 3900, 'Rua das Flores', '4050-'),
                (2, 'Madrid', 'Comunidad de Madrid', 'ES', 'EUR', 5100, 'Calle Mayor', '28'),
                (3, 'Barcelona', 'Catalonia', 'ES', 'EUR', 4900, 'Carrer de Mallorca', '08'),
                (4, 'Berlin', 'Berlin', 'DE', 'EUR', 5800, 'Torstraße', '10'),
                (5, 'Paris', 'Île-de-France', 'FR', 'EUR', 10200, 'Rue de Rivoli', '75'),
                (6, 'London', 'Greater London', 'GB', 'GBP', 8900, 'King''s Road', 'SW3 '),
                (7, 'Manchester', 'Greater Manchester', 'GB', 'GBP', 3400, 'Deansgate', 'M3 '),
                (8, 'New York', 'NY', 'US', 'USD', 12500, 'Park Avenue', '100'),
                (9, 'Austin', 'TX', 'US', 'USD', 4300, 'Congress Avenue', '787')),
            listings AS (
                SELECT n, n % 10 AS city_index,
                       CASE WHEN n * 7919 % 100 < 45 THEN 'APARTMENT' WHEN n * 7919 % 100 < 70 THEN 'HOUSE'
                            WHEN n * 7919 % 100 < 85 THEN 'TOWNHOUSE' WHEN n * 7919 % 100 < 90 THEN 'LAND'
                            ELSE 'COMMERCIAL' END AS type,
                       n * 104729 % 1000 AS spread
                FROM generate_series(1, :count) AS n),
            sized AS (
                SELECT l.*, CASE type WHEN 'APARTMENT' THEN 35 + spread % 130 WHEN 'HOUSE' THEN 90 + spread % 260
                                      WHEN 'TOWNHOUSE' THEN 80 + spread % 140 WHEN 'LAND' THEN 300 + spread * 4
                                      ELSE 50 + spread % 600 END AS area
                FROM listings l)
            INSERT INTO properties (tenant_id, id, line1, city, city_key, region, postal_code, country, price,
                                    currency, bedrooms, bathrooms, area_sqm, type, status, features, version,
                                    created_at, updated_at)
            SELECT :tenant, 'p' || s.n, (s.n % 300 + 1) || ' ' || c.street, c.city, lower(c.city), c.region,
                   c.postal || lpad((s.n % 1000)::text, 3, '0'), c.country,
                   greatest(10000, round(s.area * c.per_sqm * CASE s.type WHEN 'LAND' THEN 0.12 ELSE 1 END
                                         * (0.7 + (s.n * 31 % 600) / 1000.0) / 1000) * 1000),
                   c.currency,
                   CASE WHEN s.type IN ('LAND', 'COMMERCIAL') THEN 0 ELSE greatest(1, least(6, s.area / 35)) END,
                   CASE WHEN s.type = 'LAND' THEN 0
                        ELSE greatest(1, least(6, s.area / 35) / 2 + s.n % 2) END,
                   s.area, s.type,
                   CASE WHEN s.n % 20 < 14 THEN 'ACTIVE' WHEN s.n % 20 < 17 THEN 'PENDING'
                        WHEN s.n % 20 < 19 THEN 'SOLD' ELSE 'OFF_MARKET' END,
                   (ARRAY['balcony', 'parking', 'elevator', 'garden', 'terrace', 'storage'])[1:(s.n % 7)], 1,
                   now() - make_interval(mins => s.n), now() - make_interval(mins => s.n)
            FROM sized s JOIN cities c ON c.i = s.city_index""";

    private final BulkDemoSettings settings;
    private final PropertyRepository properties;
    private final JdbcClient jdbc;

    /** A seeder of the configured data set into the given database. */
    public BulkDemoSeeder(BulkDemoSettings settings, PropertyRepository properties, JdbcClient jdbc) {
        this.settings = settings;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.properties() == 0) {
            return;
        }
        long started = System.nanoTime();
        int seeded = 0;
        for (int number = 1; number <= settings.tenants(); number++) {
            TenantId tenant = settings.tenant(number);
            int count = settings.propertiesOf(number);
            if (count > 0 && properties.countByTenant(tenant) == 0) {
                seeded += jdbc.sql(INSERT).param("tenant", tenant.value()).param("count", count).update();
            }
        }
        if (seeded > 0) {
            jdbc.sql("ANALYZE properties").update();
        }
        log.info("Bulk demo data: seeded {} listings over {} tenants '{}1'..'{}{}' in {} ms", seeded,
                settings.tenants(), settings.tenantPrefix(), settings.tenantPrefix(), settings.tenants(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
