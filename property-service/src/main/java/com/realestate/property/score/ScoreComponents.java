package com.realestate.property.score;

import java.math.BigDecimal;

/**
 * The parts a score is made of, shown so that a client can see why a property scores as it does.
 *
 * @param pricePerSqm           the property's price per square metre, 2 decimals
 * @param cityMedianPricePerSqm the median of its comparables, 2 decimals; {@code null} without comparables
 * @param comparables           how many listings it was compared with
 * @param valueScore            0-100: 50 at the median, higher when cheaper per m², 50 without comparables
 * @param sizeScore             0-100: the area against {@value ScoreCalculator#FULL_SIZE_SQM} m² for full marks
 * @param featureScore          0-100: {@value ScoreCalculator#POINTS_PER_FEATURE} points per distinct feature
 */
public record ScoreComponents(
        BigDecimal pricePerSqm,
        BigDecimal cityMedianPricePerSqm,
        int comparables,
        int valueScore,
        int sizeScore,
        int featureScore) {
}
