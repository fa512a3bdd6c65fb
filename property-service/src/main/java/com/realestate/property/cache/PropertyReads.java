package com.realestate.property.cache;

import com.realestate.cache.key.ListQuery;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.PropertyKeys;
import com.realestate.cache.key.TenantId;
import com.realestate.property.property.PropertyETag;
import com.realestate.property.property.PropertyNotFoundException;
import com.realestate.property.property.PropertyQueryService;
import com.realestate.property.score.ScoreService;
import com.realestate.property.system.RenderedView;
import com.realestate.property.system.ViewRenderer;
import com.realestate.property.timeline.TimelineService;
import org.springframework.stereotype.Service;

/**
 * The Property API's reads, cache-aside: each view is looked up under its tenant-scoped key in the configured
 * provider's {@link PropertyViewCache} and loaded from PostgreSQL on a miss. What is cached is the response as the
 * client receives it (a {@link RenderedView}: the JSON and its ETag), so a hit maps no objects. With Redis down,
 * every read simply goes to the database.
 */
@Service
public class PropertyReads {

    private final PropertyViewCache cache;
    private final PropertyQueryService properties;
    private final ScoreService scores;
    private final TimelineService timelines;
    private final ViewRenderer renderer;

    /** Reads over the given services through the configured provider's cache, rendered by {@code renderer}. */
    public PropertyReads(PropertyViewCache cache, PropertyQueryService properties, ScoreService scores,
            TimelineService timelines, ViewRenderer renderer) {
        this.cache = cache;
        this.properties = properties;
        this.scores = scores;
        this.timelines = timelines;
        this.renderer = renderer;
    }

    /**
     * The tenant's property, rendered; an unknown id (or another tenant's) is remembered briefly as absent.
     *
     * @throws PropertyNotFoundException when the tenant has no such property
     */
    public RenderedView detail(TenantId tenant, PropertyId id) {
        return cache.getOrLoad(PropertyView.DETAILS, PropertyKeys.detailKey(tenant, id), RenderedView.class,
                () -> properties.find(tenant, id).map(found -> renderer.render(found, PropertyETag.of(found)))
                        .orElse(null))
                .orElseThrow(PropertyNotFoundException::new);
    }

    /** One page of the tenant's list, rendered and cached under the hash of its normalised filters. */
    public RenderedView list(TenantId tenant, ListQuery query) {
        return cache.getOrLoad(PropertyView.LISTS, PropertyKeys.listKey(tenant, query), RenderedView.class,
                () -> renderer.renderWithContentTag(properties.list(tenant, query))).orElseThrow();
    }

    /**
     * The property's score, rendered; computed (and recorded as {@code score.calculated}) only on a miss.
     *
     * @throws PropertyNotFoundException when the tenant has no such property
     */
    public RenderedView score(TenantId tenant, PropertyId id) {
        return cache.getOrLoad(PropertyView.SCORES, PropertyKeys.scoreKey(tenant, id), RenderedView.class,
                () -> renderer.renderWithContentTag(scores.score(tenant, id))).orElseThrow();
    }

    /**
     * The property's timeline, rendered.
     *
     * @throws PropertyNotFoundException when the tenant has no such property
     */
    public RenderedView timeline(TenantId tenant, PropertyId id) {
        return cache.getOrLoad(PropertyView.TIMELINES, PropertyKeys.timelineKey(tenant, id), RenderedView.class,
                () -> renderer.renderWithContentTag(timelines.timeline(tenant, id))).orElseThrow();
    }
}
