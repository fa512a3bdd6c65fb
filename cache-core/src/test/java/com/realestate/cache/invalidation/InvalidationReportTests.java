package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InvalidationReportTests {

    @Test
    void aReportWithNothingFailedIsComplete() {
        InvalidationReport report = new InvalidationReport(Invalidation.ofKeys("a"), Invalidation.nothing(), 0);

        assertThat(report.complete()).isTrue();
        assertThat(report.keysInvalidated()).containsExactly("a");
    }

    @Test
    void aReportWithAFailedGroupIsNotCompleteAndNamesIt() {
        InvalidationReport report = new InvalidationReport(Invalidation.ofKeys("a"), Invalidation.ofGroups("g"), 0);

        assertThat(report.complete()).isFalse();
        assertThat(report.failedGroups()).containsExactly("g");
        assertThat(report.failedKeys()).isEmpty();
    }

    @Test
    void anIncompleteFlushMakesTheReportIncomplete() {
        InvalidationReport report = new InvalidationReport(Invalidation.nothing(), Invalidation.everything(), 12);

        assertThat(report.complete()).isFalse();
        assertThat(report.keysFlushed()).isEqualTo(12);
    }

    @Test
    void nothingIsACompleteEmptyReport() {
        assertThat(InvalidationReport.none().complete()).isTrue();
        assertThat(InvalidationReport.none().done().isEmpty()).isTrue();
    }

    @Test
    void combinedReportsAddUpAndANameDoneByOneIsNotFailedByTheOther() {
        InvalidationReport first = new InvalidationReport(Invalidation.ofKeys("a"), Invalidation.ofKeys("b"), 1);
        InvalidationReport second = new InvalidationReport(Invalidation.of(List.of("b"), List.of("g")),
                Invalidation.ofGroups("h"), 2);

        InvalidationReport both = first.and(second);

        assertThat(both.keysInvalidated()).containsExactly("a", "b");
        assertThat(both.groupsInvalidated()).containsExactly("g");
        assertThat(both.failed()).isEqualTo(Invalidation.ofGroups("h"));
        assertThat(both.keysFlushed()).isEqualTo(3);
    }

    @Test
    void aNegativeFlushCountIsRefused() {
        assertThatThrownBy(() -> new InvalidationReport(Invalidation.nothing(), Invalidation.nothing(), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
