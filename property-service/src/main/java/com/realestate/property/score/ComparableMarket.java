package com.realestate.property.score;

import java.math.BigDecimal;

/**
 * What the tenant's comparable listings ask: those in the same city, of the same type and currency, active or
 * pending, other than the property itself.
 *
 * @param comparables           how many listings compare
 * @param medianPricePerSqm     their median price per square metre, 2 decimals; {@code null} when there are none
 */
public record ComparableMarket(int comparables, BigDecimal medianPricePerSqm) {

    /** Validates that a median is given exactly when there are comparables. */
    public ComparableMarket {
        if (comparables < 0) {
            throw new IllegalArgumentException("comparables must not be negative, was " + comparables);
        }
        if ((comparables == 0) != (medianPricePerSqm == null)) {
            throw new IllegalArgumentException("a median exists exactly when there are comparables, had "
                    + comparables + " and " + medianPricePerSqm);
        }
        if (medianPricePerSqm != null && medianPricePerSqm.signum() <= 0) {
            throw new IllegalArgumentException("the median price per m² must be positive, was " + medianPricePerSqm);
        }
    }

    /** A market with nothing to compare with. */
    public static ComparableMarket empty() {
        return new ComparableMarket(0, null);
    }
}
