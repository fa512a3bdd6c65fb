package com.realestate.property.score;

import java.time.Instant;
import java.util.Objects;

/**
 * A property's score: how good a buy it looks against the tenant's current market.
 *
 * @param propertyId   the property scored
 * @param score        0 to 100, higher is better
 * @param components   the parts the score is made of
 * @param calculatedAt when it was computed
 */
public record PropertyScore(String propertyId, int score, ScoreComponents components, Instant calculatedAt) {

    /** Validates the range and that every part is present. */
    public PropertyScore {
        Objects.requireNonNull(propertyId, "propertyId");
        Objects.requireNonNull(components, "components");
        Objects.requireNonNull(calculatedAt, "calculatedAt");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be between 0 and 100, was " + score);
        }
    }
}
