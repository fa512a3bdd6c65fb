package com.realestate.property.property;

import com.realestate.cache.key.ListQuery;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of the property feature, one method per cacheable view: the detail of one property and one page of
 * the list. Arguments are exactly the parts of the cache keys ({@code PropertyKeys.detail(tenant, id)},
 * {@code PropertyKeys.list(tenant, query)}), so a cache can wrap these methods without knowing the HTTP layer.
 */
@Service
public class PropertyQueryService {

    private final PropertyRepository properties;

    /** A service on the given repository. */
    public PropertyQueryService(PropertyRepository properties) {
        this.properties = properties;
    }

    /**
     * The tenant's property with the id.
     *
     * @throws PropertyNotFoundException when the tenant has no such property
     */
    public Property get(TenantId tenant, PropertyId id) {
        return properties.find(tenant, id).orElseThrow(PropertyNotFoundException::new);
    }

    /** The tenant's property with the id, if it has one: the loader of the cached detail. */
    public Optional<Property> find(TenantId tenant, PropertyId id) {
        return properties.find(tenant, id);
    }

    /** The most recently changed properties of all tenants, newest first: what is worth warming the cache with. */
    public List<Property> recentlyChanged(int limit) {
        return properties.recentlyChanged(limit);
    }

    /** One page of the tenant's properties and the total, read from one snapshot so that the two agree. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PropertyPage list(TenantId tenant, ListQuery query) {
        return new PropertyPage(properties.findPage(tenant, query), query.page(), query.size(),
                properties.count(tenant, query));
    }
}
