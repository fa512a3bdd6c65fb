package com.realestate.benchmarks.hit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterleavedHitComparisonTests {

    @Test
    void theMedianOfAnEvenNumberOfRoundsIsTheMeanOfTheMiddleTwo() {
        assertThat(InterleavedHitComparison.median(new double[] {1.3, 0.8, 1.1, 0.9})).isEqualTo(1.0);
    }

    @Test
    void theMedianOfAnOddNumberOfRoundsIsTheMiddleOne() {
        assertThat(InterleavedHitComparison.median(new double[] {1.3, 0.8, 1.1})).isEqualTo(1.1);
    }
}
