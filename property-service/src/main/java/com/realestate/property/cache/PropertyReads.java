package com.realestate.property.cache;

import com.realestate.cache.key.ListQuery;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import com.realestate.property.property.Property;
import com.realestate.property.property.PropertyNotFoundException;
import com.realestate.property.property.PropertyPage;
import com.realestate.property.property.PropertyQueryService;
import com.realestate.property.score.PropertyScore;
import com.realestate.property.score.ScoreService;
import com.realestate.property.timeline.Timeline;
import com.realestate.property.timeline.TimelineService;
import org.springframework.stereotype.Service;

/**
 * The Property API's reads, cache-aside: each view is looked up under its tenant-scoped key in the configured
 * provider's {@link PropertyViewCache} and loaded from PostgreSQL on a miss. With Redis down, every read simply goes
 * to the database.
 */
@Service
public class PropertyReads {

    private final PropertyViewCache cache;
    private final PropertyQueryService properties;
    private final ScoreService scores;
    private final TimelineService timelines;

    /** Reads over the given services through the configured provider's cache. */
    public PropertyReads(PropertyViewCache cache, PropertyQueryService properties, ScoreService scores,
            TimelineService timelines) {
        this.cache = cache;
        this.properties = properties;
        this.scores = scores;
        this.timelines = timelines;
    }

    /**
     * The tenant's property; an unknown id (or another tenant's) is remembered briefly as absent.
     *
     * @throws PropertyNotFoundException when the tenant has no such property
     */
    public Property detail(TenantId tenant, PropertyId id) {
        return cache.getOrLoad(PropertyView.DETAILS, PropertyKeys.detailKey(tenant, id), Property.class,
                () -> properties.find(tenant, id).orElse(null))
                .orElseThrow(PropertyNotFoundException::new);
    }

    /** One page of the tenant's list, cached under the hash of its normalised filters. */
    public PropertyPage list(TenantId tenant, ListQuery query) {
        return cache.getOrLoad(PropertyView.LISTS, PropertyKeys.listKey(tenant, query), PropertyPage.class,
                () -> properties.list(tenant, query)).orElseThrow();
    }

    /**
     * The property's score, computed (and recorded as {@code score.calculated}) only on a miss.
     *
     * @throws PropertyNotFoundException when the tenant has no such property
     */
    public PropertyScore score(TenantId tenant, PropertyId id) {
        return cache.getOrLoad(PropertyView.SCORES, PropertyKeys.scoreKey(tenant, id), PropertyScore.class,
                () -> scores.score(tenant, id)).orElseThrow();
    }

    /**
     * The property's timeline.
     *
     * @throws PropertyNotFoundException when the tenant has no such property
     */
    public Timeline timeline(TenantId tenant, PropertyId id) {
        return cache.getOrLoad(PropertyView.TIMELINES, PropertyKeys.timelineKey(tenant, id), Timeline.class,
                () -> timelines.timeline(tenant, id)).orElseThrow();
    }
}
