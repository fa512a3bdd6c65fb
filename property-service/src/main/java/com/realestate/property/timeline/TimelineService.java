package com.realestate.property.timeline;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import com.realestate.property.events.PropertyEventRepository;
import com.realestate.property.property.PropertyNotFoundException;
import com.realestate.property.property.PropertyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The timeline read: a property's recorded events. Its arguments are the parts of
 * {@code PropertyKeys.timeline(tenant, id)}, so a cache can wrap it unchanged.
 */
@Service
public class TimelineService {

    private final PropertyRepository properties;
    private final PropertyEventRepository events;

    /** A service on the given repositories. */
    public TimelineService(PropertyRepository properties, PropertyEventRepository events) {
        this.properties = properties;
        this.events = events;
    }

    /**
     * The timeline of the tenant's property; a deleted property has none, like one that never existed.
     *
     * @throws PropertyNotFoundException when the tenant has no such property
     */
    @Transactional(readOnly = true)
    public Timeline timeline(TenantId tenant, PropertyId id) {
        if (properties.find(tenant, id).isEmpty()) {
            throw new PropertyNotFoundException();
        }
        return new Timeline(id.value(), events.findByProperty(tenant, id).stream()
                .map(event -> new TimelineEntry(event.type(), event.occurredAt(), event.changes()))
                .toList());
    }
}
