package com.realestate.cache.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListQueryTests {

    private static final Map<String, String> ALL_FILTERS = orderedMap(
            "city", "Lyon",
            "status", "FOR_SALE",
            "type", "apartment",
            "minPrice", "100000",
            "maxPrice", "250000.50",
            "minBedrooms", "2",
            "sort", "-price",
            "page", "3",
            "size", "50");

    @Test
    void theCanonicalFormListsPresentFiltersByNameWithEncodedValues() {
        ListQuery query = query(ALL_FILTERS);

        assertThat(query.canonicalForm()).isEqualTo("city=lyon&maxPrice=250000.5&minBedrooms=2&minPrice=100000"
                + "&page=3&size=50&sort=-price&status=FOR_SALE&type=apartment");
    }

    @Test
    void absentFiltersAreLeftOutButPageAndSizeAreAlwaysThere() {
        assertThat(ListQuery.builder().build().canonicalForm()).isEqualTo("page=0&size=20");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void parametersInAnyOrderGiveTheSameKey(long seed) {
        List<String> names = new ArrayList<>(ALL_FILTERS.keySet());
        Collections.shuffle(names, new Random(seed));
        Map<String, String> shuffled = new LinkedHashMap<>();
        names.forEach(name -> shuffled.put(name, ALL_FILTERS.get(name)));

        assertThat(query(shuffled).hash()).isEqualTo(query(ALL_FILTERS).hash());
    }

    @Test
    void theBuilderAndTheParametersGiveTheSameQuery() {
        ListQuery built = ListQuery.builder()
                .city("Lyon").status("FOR_SALE").type("apartment")
                .minPrice(new BigDecimal("100000")).maxPrice(new BigDecimal("250000.50")).minBedrooms(2)
                .sort("-price").page(3).size(50)
                .build();

        assertThat(built).isEqualTo(query(ALL_FILTERS));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            city        | Lille
            status      | SOLD
            type        | house
            minPrice    | 100001
            maxPrice    | 250000.51
            minBedrooms | 3
            sort        | price
            page        | 4
            size        | 49
            """)
    void changingAnyOneFilterChangesTheKey(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(ALL_FILTERS);
        changed.put(name, value);

        assertThat(query(changed).hash()).isNotEqualTo(query(ALL_FILTERS).hash());
    }

    @ParameterizedTest
    @ValueSource(strings = {"city", "status", "type", "minPrice", "maxPrice", "minBedrooms", "sort"})
    void droppingAnyOneFilterChangesTheKey(String name) {
        Map<String, String> dropped = new LinkedHashMap<>(ALL_FILTERS);
        dropped.remove(name);

        assertThat(query(dropped).hash()).isNotEqualTo(query(ALL_FILTERS).hash());
    }

    @Test
    void pagesOfTheSameFiltersHaveDifferentKeys() {
        List<String> hashes = Stream.of(0, 1, 2, 10)
                .flatMap(page -> Stream.of(1, 20, 100).map(size -> ListQuery.builder().page(page).size(size).build()))
                .map(ListQuery::hash)
                .toList();

        assertThat(hashes).hasSize(12).doesNotHaveDuplicates();
    }

    static Stream<Arguments> sameQueries() {
        return Stream.of(
                Arguments.of(Map.of("city", " Paris "), Map.of("city", "paris")),
                Arguments.of(Map.of("city", "PARIS"), Map.of("city", "paris")),
                Arguments.of(Map.of("minPrice", "100000.00"), Map.of("minPrice", "100000")),
                Arguments.of(Map.of("minPrice", "1E+5"), Map.of("minPrice", "100000")),
                Arguments.of(Map.of("maxPrice", "0.50"), Map.of("maxPrice", ".5")),
                Arguments.of(Map.of("minPrice", "0.000"), Map.of("minPrice", "0")),
                Arguments.of(Map.of("status", " FOR_SALE "), Map.of("status", "FOR_SALE")),
                Arguments.of(Map.of("city", "  "), Map.of()),
                Arguments.of(Map.of("sort", ""), Map.of()),
                Arguments.of(Map.of("minBedrooms", ""), Map.of()),
                Arguments.of(Map.of("page", "0", "size", "20"), Map.of()),
                Arguments.of(Map.of("page", "007"), Map.of("page", "7")));
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @MethodSource("sameQueries")
    void equivalentFiltersAreNormalisedToTheSameKey(Map<String, String> one, Map<String, String> other) {
        assertThat(query(one).hash()).isEqualTo(query(other).hash());
    }

    @Test
    void normalisedQueriesAreEqual() {
        ListQuery spaced = ListQuery.builder().city(" Paris ").minPrice(new BigDecimal("100000.00")).build();
        ListQuery plain = ListQuery.builder().city("paris").minPrice(new BigDecimal("100000")).build();

        assertThat(spaced).isEqualTo(plain);
        assertThat(spaced.minPrice()).hasToString("100000");
    }

    @Test
    void statusAndTypeKeepTheirCase() {
        assertThat(query(Map.of("status", "sold")).hash()).isNotEqualTo(query(Map.of("status", "SOLD")).hash());
    }

    @Test
    void aValueCannotForgeAnotherFilter() {
        ListQuery forged = query(Map.of("city", "x&status=y"));
        ListQuery honest = query(Map.of("city", "x", "status", "y"));

        assertThat(forged.canonicalForm()).isEqualTo("city=x%26status%3Dy&page=0&size=20");
        assertThat(forged.hash()).isNotEqualTo(honest.hash());
    }

    @Test
    void theHashIsTheFirst32HexCharsOfTheSha256OfTheCanonicalForm() throws Exception {
        ListQuery query = query(ALL_FILTERS);
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(query.canonicalForm().getBytes(StandardCharsets.UTF_8));

        assertThat(query.hash()).isEqualTo(HexFormat.of().formatHex(digest, 0, 16)).matches("[0-9a-f]{32}");
    }

    @Test
    void theHashOfAQueryIsStableSoDeploymentsShareKeys() {
        assertThat(query(ALL_FILTERS).hash()).isEqualTo("0acd78ae668812d1b8cc46dc9d00c6b0");
    }

    @Test
    void unknownParametersAreRefusedByName() {
        assertThatThrownBy(() -> query(Map.of("city", "Lyon", "colour", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'colour'");
    }

    @Test
    void repeatedParametersAreRefusedByName() {
        Map<String, List<String>> parameters = Map.of("city", List.of("Lyon", "Paris"));

        assertThatThrownBy(() -> ListQuery.fromParameters(parameters))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'city'");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            minPrice    | cheap
            minPrice    | 1,5
            maxPrice    | NaN
            minBedrooms | 2.5
            minBedrooms | 99999999999
            page        | first
            size        | ten
            """)
    void malformedNumbersAreRefusedNamingTheField(String name, String value) {
        assertThatThrownBy(() -> query(Map.of(name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " must be");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            minPrice    | -1
            maxPrice    | 1E+999999999
            maxPrice    | 1E+2147483647
            minPrice    | 0.00000000001
            minBedrooms | -1
            sort        | name
            sort        | PRICE
            page        | -1
            size        | 0
            size        | 101
            """)
    void outOfRangeValuesAreRefusedNamingTheField(String name, String value) {
        assertThatThrownBy(() -> query(Map.of(name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(name + " must");
    }

    private static ListQuery query(Map<String, String> parameters) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        parameters.forEach((name, value) -> multi.put(name, List.of(value)));
        return ListQuery.fromParameters(multi);
    }

    private static Map<String, String> orderedMap(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
