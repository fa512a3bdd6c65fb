package com.realestate.property.property;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import com.realestate.property.events.EventType;
import com.realestate.property.events.FieldChange;
import com.realestate.property.events.NewEvent;
import com.realestate.property.events.PropertyEventRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes of the property feature. Each write and the event it causes commit in one transaction, so the
 * outbox holds an event for every change that happened and for nothing that did not.
 */
@Service
public class PropertyCommandService {

    private final PropertyRepository properties;
    private final PropertyEventRepository events;
    private final Clock clock;

    /** A service on the given repositories and clock. */
    public PropertyCommandService(PropertyRepository properties, PropertyEventRepository events, Clock clock) {
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Stores a new property of the tenant, records {@code property.created} and returns it as stored. */
    @Transactional
    public Property create(TenantId tenant, PropertyInput input) {
        Instant now = now();
        PropertyId id = PropertyIds.generate();
        Property created = properties.insert(tenant, id, input, now);
        events.append(new NewEvent(tenant, id, EventType.PROPERTY_CREATED, now, PropertyChanges.created(created)));
        return created;
    }

    /**
     * Replaces every client field of the property and records {@code property.updated} with what changed. A
     * replace that changes nothing keeps the version and records nothing.
     *
     * @throws PropertyNotFoundException    when the tenant has no such property
     * @throws PreconditionFailedException when the precondition names another version
     */
    @Transactional
    public Property replace(TenantId tenant, PropertyId id, PropertyInput input, Precondition precondition) {
        Property current = lockMatching(tenant, id, precondition);
        Map<String, FieldChange> changes = PropertyChanges.between(current, input);
        if (changes.isEmpty()) {
            return current;
        }
        Instant now = now();
        Property updated = properties.update(tenant, id, current.version(), input, now)
                .orElseThrow(() -> new IllegalStateException("the locked property " + id + " changed"));
        events.append(new NewEvent(tenant, id, EventType.PROPERTY_UPDATED, now, changes));
        return updated;
    }

    /**
     * Deletes the property and records {@code property.deleted} with the values it had.
     *
     * @throws PropertyNotFoundException    when the tenant has no such property
     * @throws PreconditionFailedException when the precondition names another version
     */
    @Transactional
    public void delete(TenantId tenant, PropertyId id, Precondition precondition) {
        Property current = lockMatching(tenant, id, precondition);
        properties.delete(tenant, id);
        events.append(new NewEvent(tenant, id, EventType.PROPERTY_DELETED, now(), PropertyChanges.deleted(current)));
    }

    private Property lockMatching(TenantId tenant, PropertyId id, Precondition precondition) {
        Property current = properties.findForUpdate(tenant, id).orElseThrow(PropertyNotFoundException::new);
        if (!precondition.matches(current)) {
            throw new PreconditionFailedException(PropertyETag.of(current));
        }
        return current;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
