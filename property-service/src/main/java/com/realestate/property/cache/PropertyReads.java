package com.realestate.property.cache;

import com.realestate.cache.client.CacheClient;
import com.realestate.cache.client.CacheKey;
import com.realestate.cache.client.LoadPolicy;
import com.realestate.cache.invalidation.DurableInvalidator;
import com.realestate.cache.key.ListQuery;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import com.realestate.cache.spring.RealEstateCacheProperties;
import com.realestate.cache.spring.RealEstateCacheProperties.NearCache;
import com.realestate.property.property.Property;
import com.realestate.property.property.PropertyNotFoundException;
import com.realestate.property.property.PropertyPage;
import com.realestate.property.property.PropertyQueryService;
import com.realestate.property.score.PropertyScore;
import com.realestate.property.score.ScoreService;
import com.realestate.property.timeline.Timeline;
import com.realestate.property.timeline.TimelineService;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * The Property API's reads, cache-aside: each view is looked up under its tenant-scoped key and loaded from
 * PostgreSQL on a miss, with single flight, a cross-instance lease and fenced stores. Reads go through the
 * durable invalidator, so a key whose invalidation Redis has not taken yet is read from the database instead.
 * With Redis down, every read simply goes to the database.
 */
@Service
public class PropertyReads {

    private final CacheClient cache;
    private final DurableInvalidator invalidator;
    private final PropertyQueryService properties;
    private final ScoreService scores;
    private final TimelineService timelines;
    private final CacheClient details;
    private final CacheClient lists;
    private final CacheClient scoreCache;
    private final CacheClient timelineCache;

    /**
     * Reads over the given services, cached for the TTLs of {@code settings}, each view metered by name and with a
     * near cache in front when {@code realestate.cache.near-cache.enabled} is set.
     */
    public PropertyReads(CacheClient cache, DurableInvalidator invalidator, PropertyQueryService properties,
            ScoreService scores, TimelineService timelines, PropertyCacheSettings settings,
            RealEstateCacheProperties cacheProperties) {
        this.cache = cache;
        this.invalidator = invalidator;
        this.properties = properties;
        this.scores = scores;
        this.timelines = timelines;
        LoadPolicy base = cache.loadPolicy();
        NearCache near = cacheProperties.nearCache();
        this.details = view(cache, "property-details",
                base.withTtl(settings.detailTtl()).withNegativeTtl(settings.notFoundTtl()), near);
        this.lists = view(cache, "property-lists", base.withTtl(settings.listTtl()), near);
        this.scoreCache = view(cache, "property-scores", base.withTtl(settings.scoreTtl()), near);
        this.timelineCache = view(cache, "property-timelines", base.withTtl(settings.timelineTtl()), near);
    }

    private static CacheClient view(CacheClient cache, String name, LoadPolicy policy, NearCache near) {
        CacheClient view = cache.named(name, policy);
        return near.enabled() ? view.withNearCache(near.toSettings()) : view;
    }

    /**
     * The tenant's property; an unknown id (or another tenant's) is remembered briefly as absent.
     *
     * @throws PropertyNotFoundException when the tenant has no such property
     */
    public Property detail(TenantId tenant, PropertyId id) {
        return read(details, PropertyKeys.detailKey(tenant, id), Property.class,
                () -> properties.find(tenant, id).orElse(null))
                .orElseThrow(PropertyNotFoundException::new);
    }

    /** One page of the tenant's list, cached under the hash of its normalised filters. */
    public PropertyPage list(TenantId tenant, ListQuery query) {
        return read(lists, PropertyKeys.listKey(tenant, query), PropertyPage.class,
                () -> properties.list(tenant, query)).orElseThrow();
    }

    /**
     * The property's score, computed (and recorded as {@code score.calculated}) only on a miss.
     *
     * @throws PropertyNotFoundException when the tenant has no such property
     */
    public PropertyScore score(TenantId tenant, PropertyId id) {
        return read(scoreCache, PropertyKeys.scoreKey(tenant, id), PropertyScore.class,
                () -> scores.score(tenant, id)).orElseThrow();
    }

    /**
     * The property's timeline.
     *
     * @throws PropertyNotFoundException when the tenant has no such property
     */
    public Timeline timeline(TenantId tenant, PropertyId id) {
        return read(timelineCache, PropertyKeys.timelineKey(tenant, id), Timeline.class,
                () -> timelines.timeline(tenant, id)).orElseThrow();
    }

    /** Cache-aside through {@code view}, unless an invalidation of the key is still pending: then straight from the source. */
    private <T> Optional<T> read(CacheClient view, CacheKey key, Class<T> type, Supplier<? extends T> loader) {
        return invalidator.getOrLoad(view, key, type, loader, view.loadPolicy());
    }

    /** The cache client behind these reads, for warm-up and health. */
    CacheClient cache() {
        return cache;
    }
}
