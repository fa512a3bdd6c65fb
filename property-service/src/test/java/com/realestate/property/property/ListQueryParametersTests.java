package com.realestate.property.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.key.ListQuery;
import com.realestate.property.system.FieldViolation;
import com.realestate.property.system.InvalidRequestException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list's query string, read into the normalised query that is also the cache key. */
class ListQueryParametersTests {

    @Test
    void knownParametersAreNormalised() {
        ListQuery query = ListQueryParameters.parse(Map.of("city", List.of(" Lisbon "), "minPrice", List.of("1000.00"),
                "status", List.of("ACTIVE"), "type", List.of("HOUSE"), "sort", List.of("-price"),
                "page", List.of("2"), "size", List.of("50")));

        assertThat(query).isEqualTo(new ListQuery("lisbon", "ACTIVE", "HOUSE", new BigDecimal("1000"), null, null,
                "-price", 2, 50));
    }

    @Test
    void noParametersMeanTheFirstDefaultPage() {
        assertThat(ListQueryParameters.parse(Map.of())).isEqualTo(ListQuery.builder().build());
    }

    @Test
    void everyUnknownParameterIsNamed() {
        assertThatThrownBy(() -> ListQueryParameters.parse(Map.of("limit", List.of("5"), "color", List.of("red"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("color", "limit"));
    }

    @Test
    void aMalformedValueIsNamedByItsParameter() {
        assertThatThrownBy(() -> ListQueryParameters.parse(Map.of("size", List.of("lots"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("size"));
        assertThatThrownBy(() -> ListQueryParameters.parse(Map.of("sort", List.of("a", "b"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("sort"));
    }

    @Test
    void statusAndTypeMustBeKnownAndThePriceRangeTheRightWayUp() {
        assertThatThrownBy(() -> ListQueryParameters.parse(Map.of("status", List.of("SOON"), "type",
                List.of("castle"), "minPrice", List.of("9"), "maxPrice", List.of("1"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("status", "type", "minPrice"));
    }

    @Test
    void textTheDatabaseCannotCompareIsNamedByItsParameter() {
        assertThatThrownBy(() -> ListQueryParameters.parse(Map.of("city", List.of("a\u0000b"), "type",
                List.of("HOUSE\uD800"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("city", "type"));
    }
}
