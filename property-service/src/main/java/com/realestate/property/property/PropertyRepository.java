package com.realestate.property.property;

import com.realestate.cache.key.ListQuery;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code properties} table. Every statement is scoped by tenant, so no query can reach another tenant's rows;
 * the list runs exactly the filters of a normalised {@link ListQuery}, so a cache key built from that query always
 * describes what was fetched.
 */
@Repository
public class PropertyRepository {

    private static final String COLUMNS = "tenant_id, id, line1, city, region, postal_code, country, price, currency,"
            + " bedrooms, bathrooms, area_sqm, type, status, features, version, created_at, updated_at";
    private static final Map<String, String> ORDERS = Map.of(
            "price", "price ASC, id ASC",
            "-price", "price DESC, id ASC",
            "createdAt", "created_at ASC, id ASC",
            "-createdAt", "created_at DESC, id ASC");
    private static final String DEFAULT_SORT = "-createdAt";

    private final JdbcClient jdbc;

    /** A repository on the given client. */
    public PropertyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The key a city is matched by, in filters and comparables alike: trimmed and lower-cased as
     * {@link ListQuery} does, computed here rather than by the database so that both always agree.
     */
    public static String cityKey(String city) {
        return city.strip().toLowerCase(Locale.ROOT);
    }

    /** The tenant's property with the id. */
    public Optional<Property> find(TenantId tenant, PropertyId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM properties WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value())
                .param("id", id.value())
                .query(PropertyRepository::property)
                .optional();
    }

    /** The most recently changed properties of all tenants, newest first. */
    public List<Property> recentlyChanged(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM properties ORDER BY updated_at DESC LIMIT :limit")
                .param("limit", limit)
                .query(PropertyRepository::property)
                .list();
    }

    /** The tenant's property with the id, locked until the current transaction ends. */
    public Optional<Property> findForUpdate(TenantId tenant, PropertyId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM properties WHERE tenant_id = :tenant AND id = :id FOR UPDATE")
                .param("tenant", tenant.value())
                .param("id", id.value())
                .query(PropertyRepository::property)
                .optional();
    }

    /** Stores a new property at version 1 and returns it as stored. */
    public Property insert(TenantId tenant, PropertyId id, PropertyInput input, Instant now) {
        return jdbc.sql("INSERT INTO properties (tenant_id, id, line1, city, city_key, region, postal_code, country,"
                        + " price, currency, bedrooms, bathrooms, area_sqm, type, status, features, version,"
                        + " created_at, updated_at)"
                        + " VALUES (:tenant, :id, :line1, :city, :cityKey, :region, :postalCode, :country, :price,"
                        + " :currency, :bedrooms, :bathrooms, :areaSqm, :type, :status, :features, 1, :now, :now)"
                        + " RETURNING " + COLUMNS)
                .param("tenant", tenant.value())
                .param("id", id.value())
                .params(fields(input))
                .param("now", timestamp(now))
                .query(PropertyRepository::property)
                .single();
    }

    /** Replaces the fields of the property, which must exist at {@code expectedVersion}, and returns it as stored. */
    public Optional<Property> update(TenantId tenant, PropertyId id, long expectedVersion, PropertyInput input,
            Instant now) {
        return jdbc.sql("UPDATE properties SET line1 = :line1, city = :city, city_key = :cityKey, region = :region,"
                        + " postal_code = :postalCode, country = :country, price = :price, currency = :currency,"
                        + " bedrooms = :bedrooms, bathrooms = :bathrooms, area_sqm = :areaSqm, type = :type,"
                        + " status = :status, features = :features, version = version + 1, updated_at = :now"
                        + " WHERE tenant_id = :tenant AND id = :id AND version = :expectedVersion"
                        + " RETURNING " + COLUMNS)
                .param("tenant", tenant.value())
                .param("id", id.value())
                .param("expectedVersion", expectedVersion)
                .params(fields(input))
                .param("now", timestamp(now))
                .query(PropertyRepository::property)
                .optional();
    }

    /** Deletes the property and tells whether it existed. */
    public boolean delete(TenantId tenant, PropertyId id) {
        return jdbc.sql("DELETE FROM properties WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant.value())
                .param("id", id.value())
                .update() > 0;
    }

    /** One page of the tenant's properties that match the query, in its order. */
    public List<Property> findPage(TenantId tenant, ListQuery query) {
        Filter filter = Filter.of(tenant, query);
        String order = ORDERS.get(query.sort() == null ? DEFAULT_SORT : query.sort());
        return jdbc.sql("SELECT " + COLUMNS + " FROM properties WHERE " + filter.where()
                        + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
                .params(filter.parameters())
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(PropertyRepository::property)
                .list();
    }

    /** How many of the tenant's properties match the query's filters, on all pages. */
    public long count(TenantId tenant, ListQuery query) {
        Filter filter = Filter.of(tenant, query);
        return jdbc.sql("SELECT count(*) FROM properties WHERE " + filter.where())
                .params(filter.parameters())
                .query(Long.class)
                .single();
    }

    /** How many properties the tenant has. */
    public long countByTenant(TenantId tenant) {
        return jdbc.sql("SELECT count(*) FROM properties WHERE tenant_id = :tenant")
                .param("tenant", tenant.value())
                .query(Long.class)
                .single();
    }

    private static Map<String, Object> fields(PropertyInput input) {
        Address address = input.address();
        Map<String, Object> fields = new HashMap<>();
        fields.put("line1", address.line1());
        fields.put("city", address.city());
        fields.put("cityKey", cityKey(address.city()));
        fields.put("region", address.region());
        fields.put("postalCode", address.postalCode());
        fields.put("country", address.country());
        fields.put("price", input.storedPrice());
        fields.put("currency", input.currency());
        fields.put("bedrooms", input.bedrooms());
        fields.put("bathrooms", input.bathrooms());
        fields.put("areaSqm", input.storedAreaSqm());
        fields.put("type", input.type().name());
        fields.put("status", input.status().name());
        fields.put("features", input.features().toArray(String[]::new));
        return fields;
    }

    private static Property property(ResultSet rs, int row) throws SQLException {
        return new Property(
                rs.getString("id"),
                rs.getString("tenant_id"),
                new Address(rs.getString("line1"), rs.getString("city"), rs.getString("region"),
                        rs.getString("postal_code"), rs.getString("country")),
                rs.getBigDecimal("price"),
                rs.getString("currency"),
                rs.getInt("bedrooms"),
                rs.getInt("bathrooms"),
                rs.getBigDecimal("area_sqm"),
                PropertyType.valueOf(rs.getString("type")),
                PropertyStatus.valueOf(rs.getString("status")),
                features(rs.getArray("features")),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> features(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The WHERE clause of a list query and its parameters; every filter is bound, none is spliced in. */
    private record Filter(String where, Map<String, Object> parameters) {

        static Filter of(TenantId tenant, ListQuery query) {
            StringBuilder where = new StringBuilder("tenant_id = :tenant");
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("tenant", tenant.value());
            add(where, parameters, "city_key = :city", "city", query.city());
            add(where, parameters, "status = :status", "status", query.status());
            add(where, parameters, "type = :type", "type", query.type());
            add(where, parameters, "price >= :minPrice", "minPrice", query.minPrice());
            add(where, parameters, "price <= :maxPrice", "maxPrice", query.maxPrice());
            add(where, parameters, "bedrooms >= :minBedrooms", "minBedrooms", query.minBedrooms());
            return new Filter(where.toString(), parameters);
        }

        private static void add(StringBuilder where, Map<String, Object> parameters, String condition, String name,
                Object value) {
            if (value != null) {
                where.append(" AND ").append(condition);
                parameters.put(name, value);
            }
        }
    }
}
