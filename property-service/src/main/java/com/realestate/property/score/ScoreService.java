package com.realestate.property.score;

import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import com.realestate.property.events.EventType;
import com.realestate.property.events.FieldChange;
import com.realestate.property.events.NewEvent;
import com.realestate.property.events.PropertyEventRepository;
import com.realestate.property.property.Property;
import com.realestate.property.property.PropertyNotFoundException;
import com.realestate.property.property.PropertyRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The score read: computes a property's score against its market and records {@code score.calculated}, with
 * the previous score as {@code from}. Its arguments are the parts of {@code PropertyKeys.score(tenant, id)}, so a
 * cache can wrap it and compute (and record) only on a miss.
 */
@Service
public class ScoreService {

    /** The field a {@code score.calculated} event records. */
    public static final String SCORE_FIELD = "score";

    private final PropertyRepository properties;
    private final ComparablesRepository comparables;
    private final PropertyEventRepository events;
    private final Clock clock;

    /** A service on the given repositories and clock. */
    public ScoreService(PropertyRepository properties, ComparablesRepository comparables,
            PropertyEventRepository events, Clock clock) {
        this.properties = properties;
        this.comparables = comparables;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The current score of the tenant's property.
     *
     * @throws PropertyNotFoundException when the tenant has no such property
     */
    @Transactional
    public PropertyScore score(TenantId tenant, PropertyId id) {
        Property property = properties.find(tenant, id).orElseThrow(PropertyNotFoundException::new);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PropertyScore score = ScoreCalculator.score(property, comparables.marketFor(tenant, property), now);
        Object previous = events.findLatest(tenant, id, EventType.SCORE_CALCULATED)
                .map(event -> event.changes().get(SCORE_FIELD))
                .map(FieldChange::to)
                .orElse(null);
        events.append(new NewEvent(tenant, id, EventType.SCORE_CALCULATED, now,
                Map.of(SCORE_FIELD, new FieldChange(previous, score.score()))));
        return score;
    }
}
