package com.realestate.property.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.property.property.Property;
import com.realestate.property.support.Properties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The score's arithmetic, checked by hand. */
class ScoreCalculatorTests {

    private static final Instant AT = Instant.parse("2024-06-01T12:00:00Z");

    @Test
    void aPropertyBelowTheMedianScoresAboveNeutralValue() {
        Property property = Properties.apartment("400000", "100", List.of("balcony", "elevator"));

        PropertyScore score = ScoreCalculator.score(property, new ComparableMarket(3, new BigDecimal("5000.00")), AT);

        assertThat(score.components()).isEqualTo(new ScoreComponents(new BigDecimal("4000.00"),
                new BigDecimal("5000.00"), 3, 70, 67, 40));
        assertThat(score.score()).isEqualTo(65);
        assertThat(score.propertyId()).isEqualTo("p-1");
        assertThat(score.calculatedAt()).isEqualTo(AT);
    }

    @Test
    void withoutComparablesTheValueIsNeutral() {
        Property property = Properties.apartment("1000000", "200", List.of());

        PropertyScore score = ScoreCalculator.score(property, ComparableMarket.empty(), AT);

        assertThat(score.components().valueScore()).isEqualTo(50);
        assertThat(score.components().cityMedianPricePerSqm()).isNull();
        assertThat(score.components().sizeScore()).isEqualTo(100);
        assertThat(score.score()).isEqualTo(55);
    }

    @ParameterizedTest(name = "{0} per m² against a median of {1} is worth {2}")
    @CsvSource({
        "5000.00, 5000.00, 50",
        "2500.00, 5000.00, 100",
        "1000.00, 5000.00, 100",
        "7500.00, 5000.00, 0",
        "9000.00, 5000.00, 0",
        "4975.00, 5000.00, 51",
        "5025.00, 5000.00, 50"
    })
    void valueIsFiftyAtTheMedianAndClampedToZeroToHundred(String pricePerSqm, String median, int expected) {
        assertThat(ScoreCalculator.valueScore(new BigDecimal(pricePerSqm),
                new ComparableMarket(1, new BigDecimal(median)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} m² is worth {1}")
    @CsvSource({"0.01, 0", "1, 1", "75, 50", "100, 67", "150, 100", "4000, 100"})
    void sizeEarnsFullMarksAtOneHundredFiftySquareMetres(String area, int expected) {
        assertThat(ScoreCalculator.sizeScore(new BigDecimal(area))).isEqualTo(expected);
    }

    @Test
    void featuresEarnTwentyPointsEachCountedOnceUpToOneHundred() {
        assertThat(ScoreCalculator.featureScore(Properties.apartment("1", "1", List.of()))).isZero();
        assertThat(ScoreCalculator.featureScore(Properties.apartment("1", "1", List.of("pool", " pool", "gym"))))
                .isEqualTo(40);
        assertThat(ScoreCalculator.featureScore(Properties.apartment("1", "1",
                List.of("a", "b", "c", "d", "e", "f", "g")))).isEqualTo(100);
    }

    @Test
    void pricePerSquareMetreIsRoundedHalfUpToCents() {
        assertThat(ScoreCalculator.pricePerSqm(new BigDecimal("100000"), new BigDecimal("3")))
                .isEqualTo(new BigDecimal("33333.33"));
        assertThat(ScoreCalculator.pricePerSqm(new BigDecimal("1"), new BigDecimal("8")))
                .isEqualTo(new BigDecimal("0.13"));
    }

    @Test
    void aCheaperPriceScoresHigher() {
        ComparableMarket market = new ComparableMarket(5, new BigDecimal("5000.00"));
        int expensive = ScoreCalculator.score(Properties.apartment("600000", "100", List.of()), market, AT).score();
        int cheap = ScoreCalculator.score(Properties.apartment("300000", "100", List.of()), market, AT).score();

        assertThat(cheap).isGreaterThan(expensive);
    }
}
