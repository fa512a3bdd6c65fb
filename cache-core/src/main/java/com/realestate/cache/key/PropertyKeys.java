package com.realestate.cache.key;

import com.realestate.cache.client.CacheKey;
import java.util.Objects;

/**
 * Builds the cache keys and invalidation patterns of the Property API. Every key starts with its tenant as a
 * Redis Cluster hash tag, so all of one tenant's keys share a slot and one script can touch any of them; every
 * variable part is {@linkplain KeyPart percent-encoded}, so keys cannot collide and patterns cannot widen.
 *
 * <p>The layout ({@code T} is the encoded tenant, {@code P} the encoded property id; the cache client adds its
 * prefix in front):
 *
 * <pre>
 * detail           t:{T}:property:P:detail
 * score            t:{T}:property:P:score
 * timeline         t:{T}:property:P:timeline
 * list             t:{T}:properties:list:H        H = ListQuery.hash(), 32 hex chars
 * propertyPattern  t:{T}:property:P:*
 * listPattern      t:{T}:properties:list:*
 * scorePattern     t:{T}:property:*:score
 * tenantPattern    t:{T}:*
 * tenantGroup      t:{T}:all                   group of every key of the tenant
 * listGroup        t:{T}:properties:lists      group of every list page of the tenant
 * scoreGroup       t:{T}:properties:scores     group of every score of the tenant
 * </pre>
 *
 * <p>Groups are invalidated in O(1) by {@link com.realestate.cache.client.CacheClient#invalidateGroup}, but only
 * keys cached with their groups take part: cache through {@link #detailKey}, {@link #scoreKey},
 * {@link #timelineKey} and {@link #listKey} so that tenant, list and score invalidations reach them. A group's token is
 * stored under the group name plus a control character, so it never collides with a key above.
 *
 * <p>An encoded part contains no {@code * ? [ ] \} (glob), no {@code :} and no braces, so the literal text
 * before a pattern's trailing {@code *} ends in a separator that no other tenant's or property's key has there.
 */
public final class PropertyKeys {

    /**
     * Longest key the cache client accepts, in characters, not counting its prefix. The ids' encoded limits
     * ({@link TenantId#MAX_ENCODED_LENGTH}, {@link PropertyId#MAX_ENCODED_LENGTH}) keep every key here within it, so
     * a valid id always makes a valid key; the check below guards that arithmetic.
     */
    public static final int MAX_KEY_LENGTH = 1024;

    private PropertyKeys() {
    }

    /** The key of a property's detail view. */
    public static String detail(TenantId tenant, PropertyId property) {
        return propertyKey(tenant, property, "detail");
    }

    /** The key of a property's score. */
    public static String score(TenantId tenant, PropertyId property) {
        return propertyKey(tenant, property, "score");
    }

    /** The key of a property's timeline. */
    public static String timeline(TenantId tenant, PropertyId property) {
        return propertyKey(tenant, property, "timeline");
    }

    /** The key of one page of the property list, named by the hash of its normalised filters. */
    public static String list(TenantId tenant, ListQuery query) {
        Objects.requireNonNull(query, "query");
        return checked(listPrefix(tenant) + query.hash());
    }

    /** The pattern matching every key of one property of one tenant, and nothing else. */
    public static String propertyPattern(TenantId tenant, PropertyId property) {
        return checked(propertyPrefix(tenant, property) + "*");
    }

    /** The pattern matching every cached list page of one tenant, and nothing else. */
    public static String listPattern(TenantId tenant) {
        return checked(listPrefix(tenant) + "*");
    }

    /** The pattern matching every cached score of one tenant, and nothing else. */
    public static String scorePattern(TenantId tenant) {
        return checked(tenantPrefix(tenant) + "property:*:score");
    }

    /** The pattern matching every key of one tenant, and nothing else. */
    public static String tenantPattern(TenantId tenant) {
        return checked(tenantPrefix(tenant) + "*");
    }

    /**
     * The group of every key of one tenant, so that a whole tenant is invalidated with one command. It carries
     * the tenant's hash tag, so its token shares the slot of every key in it.
     */
    public static String tenantGroup(TenantId tenant) {
        return checked(tenantPrefix(tenant) + "all");
    }

    /** The group of every cached list page of one tenant: a property change can move it into or out of any page. */
    public static String listGroup(TenantId tenant) {
        return checked(tenantPrefix(tenant) + "properties:lists");
    }

    /**
     * The group of every cached score of one tenant: a score compares its property with the tenant's other listings
     * of the same city and type, so a change to any property can change any score.
     */
    public static String scoreGroup(TenantId tenant) {
        return checked(tenantPrefix(tenant) + "properties:scores");
    }

    /** The {@linkplain #detail detail key} in its tenant's group, for caching that tenant invalidations reach. */
    public static CacheKey detailKey(TenantId tenant, PropertyId property) {
        return CacheKey.of(detail(tenant, property), tenantGroup(tenant));
    }

    /** The {@linkplain #score score key} in its tenant's group and score group, so either invalidates it. */
    public static CacheKey scoreKey(TenantId tenant, PropertyId property) {
        return CacheKey.of(score(tenant, property), tenantGroup(tenant), scoreGroup(tenant));
    }

    /** The {@linkplain #timeline timeline key} in its tenant's group. */
    public static CacheKey timelineKey(TenantId tenant, PropertyId property) {
        return CacheKey.of(timeline(tenant, property), tenantGroup(tenant));
    }

    /** The {@linkplain #list list key} in its tenant's group and list group, so either invalidates it. */
    public static CacheKey listKey(TenantId tenant, ListQuery query) {
        return CacheKey.of(list(tenant, query), tenantGroup(tenant), listGroup(tenant));
    }

    /**
     * The tenant's hash tag, {@code {T}}: what Redis Cluster hashes for every key of the tenant, so a script
     * that reads, say, a tenant-wide generation number and a value may touch both.
     */
    public static String hashTag(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return "{" + KeyPart.encode("tenant id", tenant.value()) + "}";
    }

    private static String propertyKey(TenantId tenant, PropertyId property, String facet) {
        return checked(propertyPrefix(tenant, property) + facet);
    }

    private static String tenantPrefix(TenantId tenant) {
        return "t:" + hashTag(tenant) + ":";
    }

    private static String propertyPrefix(TenantId tenant, PropertyId property) {
        Objects.requireNonNull(property, "property");
        return tenantPrefix(tenant) + "property:" + KeyPart.encode("property id", property.value()) + ":";
    }

    private static String listPrefix(TenantId tenant) {
        return tenantPrefix(tenant) + "properties:list:";
    }

    private static String checked(String key) {
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key would be " + key.length() + " characters once its parts are"
                    + " encoded, more than the " + MAX_KEY_LENGTH + " the cache client accepts (starts '"
                    + key.substring(0, 48) + "…')");
        }
        return key;
    }
}
