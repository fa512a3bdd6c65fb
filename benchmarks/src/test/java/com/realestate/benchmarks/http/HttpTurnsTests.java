package com.realestate.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpTurnsTests {

    @Test
    void theMedianOfAnEvenNumberOfRoundsIsTheMeanOfTheMiddleTwo() {
        assertThat(HttpTurns.median(new double[] {1.3, 0.8, 1.1, 0.9})).isEqualTo(1.0);
    }

    @Test
    void theMedianOfAnOddNumberOfRoundsIsTheMiddleOne() {
        assertThat(HttpTurns.median(new double[] {1.3, 0.8, 1.1})).isEqualTo(1.1);
    }
}
