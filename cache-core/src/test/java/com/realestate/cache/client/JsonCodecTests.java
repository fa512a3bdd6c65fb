package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;

class JsonCodecTests {

    record Address(String line1, String city, String postalCode) {
    }

    record Listing(String id, Address address, BigDecimal price, List<String> features, Map<String, BigDecimal> fees,
                   Instant createdAt, LocalDate availableFrom, ZonedDateTime viewing, OffsetDateTime updatedAt,
                   Optional<String> agent) {
    }

    private final JsonCodec codec = new JsonCodec(JsonCodec.defaultMapper());

    static Listing listing() {
        return new Listing("p-1", new Address("1 Quay St", "Porto", "4000-001"), new BigDecimal("123456789.123456789"),
                List.of("balcony", "lift"), Map.of("hoa", new BigDecimal("99.90")),
                Instant.parse("2026-11-25T10:15:30.123456789Z"), LocalDate.of(2027, 1, 1),
                ZonedDateTime.of(2026, 12, 1, 18, 0, 0, 0, ZoneId.of("Europe/Lisbon")),
                OffsetDateTime.parse("2026-11-25T10:15:30+05:30"), Optional.of("Ana"));
    }

    @Test
    void nestedRecordsRoundTripExactly() {
        Listing original = listing();

        Listing copy = codec.<Listing>decode(codec.encode(original), Listing.class);

        assertThat(copy).isEqualTo(original);
        assertThat(copy.price().scale()).isEqualTo(9);
        assertThat(copy.fees().get("hoa")).isEqualByComparingTo("99.90").hasToString("99.90");
    }

    @Test
    void genericCollectionsRoundTrip() {
        Map<String, List<Listing>> byCity = Map.of("Porto", List.of(listing(), listing()));
        TypeReference<Map<String, List<Listing>>> type = new TypeReference<>() {
        };

        Map<String, List<Listing>> copy = codec.<Map<String, List<Listing>>>decode(codec.encode(byCity), type.getType());

        assertThat(copy).isEqualTo(byCity);
    }

    @Test
    void decimalsInUntypedMapsKeepEveryDigit() {
        Map<String, Object> copy = codec.<Map<String, Object>>decode(
                "{\"price\": 0.1000000000000000055511151231257827}".getBytes(StandardCharsets.UTF_8),
                new TypeReference<Map<String, Object>>() {
                }.getType());

        assertThat(copy.get("price")).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
    }

    @Test
    void fieldsAddedSinceAValueWasCachedAreIgnored() {
        byte[] newer = "{\"line1\":\"1 Quay St\",\"city\":\"Porto\",\"postalCode\":\"4000\",\"floor\":3}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(codec.<Address>decode(newer, Address.class)).isEqualTo(new Address("1 Quay St", "Porto", "4000"));
    }

    @Test
    void bytesThatAreNotJsonOfTheTypeFailToDecode() {
        assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8), Address.class))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> codec.decode("[1,2]".getBytes(StandardCharsets.UTF_8), Address.class))
                .isInstanceOf(JacksonException.class);
    }

    static final class Unwritable {
        private final Thread thread = Thread.currentThread();

        @Override
        public String toString() {
            return thread.getName();
        }
    }

    @Test
    void aCyclicValueIsRefused() {
        List<Object> cycle = new java.util.ArrayList<>();
        cycle.add(cycle);

        assertThatThrownBy(() -> codec.encode(cycle)).isInstanceOf(CacheSerializationException.class);
    }

    @Test
    void aValueWithoutJsonFormIsRefusedWithItsType() {
        assertThatThrownBy(() -> codec.encode(new Unwritable()))
                .isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining(Unwritable.class.getName());
    }
}
