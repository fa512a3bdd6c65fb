package com.realestate.property.score;

import com.realestate.property.property.Property;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * Scores a property from its own numbers and its market, with no I/O, so every rule can be checked by hand:
 * <ul>
 *   <li>value (weight 60): {@code 50 + 100 × (1 − pricePerSqm / median)}, clamped to 0-100, 50 without
 *       comparables;</li>
 *   <li>size (weight 25): {@code 100 × area / 150 m²}, at most 100;</li>
 *   <li>features (weight 15): 20 points per distinct feature, at most 100.</li>
 * </ul>
 * The score is the weighted mean, rounded half up. Every rounding is half up and to whole points or cents.
 */
public final class ScoreCalculator {

    /** The area, in square metres, that earns full size marks. */
    public static final int FULL_SIZE_SQM = 150;

    /** Points each distinct feature earns. */
    public static final int POINTS_PER_FEATURE = 20;

    static final int VALUE_WEIGHT = 60;
    static final int SIZE_WEIGHT = 25;
    static final int FEATURE_WEIGHT = 15;
    private static final int NEUTRAL = 50;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ScoreCalculator() {
    }

    /** The score of the property in its market, stamped with the given time. */
    public static PropertyScore score(Property property, ComparableMarket market, Instant calculatedAt) {
        BigDecimal pricePerSqm = pricePerSqm(property.price(), property.areaSqm());
        int value = valueScore(pricePerSqm, market);
        int size = sizeScore(property.areaSqm());
        int features = featureScore(property);
        int total = (VALUE_WEIGHT * value + SIZE_WEIGHT * size + FEATURE_WEIGHT * features + 50) / 100;
        ScoreComponents components = new ScoreComponents(pricePerSqm, market.medianPricePerSqm(),
                market.comparables(), value, size, features);
        return new PropertyScore(property.id(), total, components, calculatedAt);
    }

    /** The price per square metre, rounded half up to cents. */
    public static BigDecimal pricePerSqm(BigDecimal price, BigDecimal areaSqm) {
        return price.divide(areaSqm, 2, RoundingMode.HALF_UP);
    }

    static int valueScore(BigDecimal pricePerSqm, ComparableMarket market) {
        if (market.medianPricePerSqm() == null) {
            return NEUTRAL;
        }
        BigDecimal ratio = pricePerSqm.divide(market.medianPricePerSqm(), MathContext.DECIMAL64);
        BigDecimal value = BigDecimal.valueOf(NEUTRAL).add(HUNDRED.multiply(BigDecimal.ONE.subtract(ratio)));
        return clamp(value.setScale(0, RoundingMode.HALF_UP));
    }

    static int sizeScore(BigDecimal areaSqm) {
        return clamp(areaSqm.multiply(HUNDRED).divide(BigDecimal.valueOf(FULL_SIZE_SQM), 0, RoundingMode.HALF_UP));
    }

    static int featureScore(Property property) {
        long distinct = property.features().stream().map(String::strip).distinct().count();
        return (int) Math.min(100, distinct * POINTS_PER_FEATURE);
    }

    private static int clamp(BigDecimal points) {
        return points.max(BigDecimal.ZERO).min(HUNDRED).intValueExact();
    }
}
