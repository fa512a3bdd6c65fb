package com.realestate.cache.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.client.CacheSerializationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.cache.support.NullValue;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Cached values through typed JSON and a client mapper of their own, back to equal values. */
class CacheValueCodecTests {

    enum Kind { HOUSE, FLAT }

    record Listing(String id, BigDecimal price, LocalDate listed, Kind kind, List<String> tags,
                   Optional<String> note, Map<String, Object> extras) {
    }

    record Page(List<Listing> items, long total) {
    }

    private final CacheValueCodec codec = new CacheValueCodec(new TrustedTypes(List.of("java.", "com.realestate")));

    /** What the client does with a tree: writes it with its own mapper and reads it back as a tree. */
    private Object roundTrip(Object value) {
        JsonMapper clientMapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        byte[] stored = clientMapper.writeValueAsBytes(codec.encode(value));
        return codec.decode(clientMapper.readTree(stored));
    }

    private static Listing listing(String id) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("rooms", 3);
        extras.put("area", 82.5);
        extras.put("since", Instant.parse("2024-05-01T10:15:30Z"));
        extras.put("deposit", new BigDecimal("1500.00"));
        return new Listing(id, new BigDecimal("350000.00"), LocalDate.of(2024, 5, 1), Kind.FLAT,
                List.of("sea view", "garage"), Optional.of("quiet"), extras);
    }

    @Test
    void aRecordWithBigDecimalDatesEnumsOptionalsAndAnUntypedMapComesBackEqual() {
        assertThat(roundTrip(listing("42"))).isEqualTo(listing("42"));
    }

    @Test
    void aListOfRecordsComesBackAsAnEqualList() {
        List<Listing> listings = List.of(listing("1"), listing("2"));

        assertThat(roundTrip(listings)).isEqualTo(listings);
    }

    @Test
    void aRecordHoldingAListOfRecordsComesBackEqual() {
        Page page = new Page(new ArrayList<>(List.of(listing("1"))), 1);

        assertThat(roundTrip(page)).isEqualTo(page);
    }

    @Test
    void bigDecimalsKeepTheirScale() {
        assertThat(roundTrip(new BigDecimal("1.10"))).isEqualTo(new BigDecimal("1.10"));
    }

    @Test
    void numbersComeBackAsTheTypeThatWasCached() {
        assertThat(roundTrip(7L)).isEqualTo(7L);
        assertThat(roundTrip(7)).isEqualTo(7);
        assertThat(roundTrip(2.5d)).isEqualTo(2.5d);
        assertThat(roundTrip(2.5f)).isEqualTo(2.5f);
    }

    @Test
    void javaTimeValuesKeepTheirZone() {
        ZonedDateTime lisbon = ZonedDateTime.parse("2024-05-01T10:15:30+01:00[Europe/Lisbon]");

        assertThat(roundTrip(lisbon)).isEqualTo(lisbon);
        assertThat(roundTrip(Duration.ofMinutes(90))).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void stringsUuidsEnumsSetsAndOptionalsComeBackEqual() {
        UUID id = UUID.randomUUID();

        assertThat(roundTrip("plain")).isEqualTo("plain");
        assertThat(roundTrip(id)).isEqualTo(id);
        assertThat(roundTrip(Kind.HOUSE)).isEqualTo(Kind.HOUSE);
        assertThat(roundTrip(Set.of("a", "b"))).isEqualTo(Set.of("a", "b"));
        assertThat(roundTrip(Map.of("k", List.of(1L, 2L)))).isEqualTo(Map.of("k", List.of(1L, 2L)));
    }

    @Test
    void arraysComeBackWithTheirComponentType() {
        assertThat(roundTrip(new String[] {"a", "b"})).isEqualTo(new String[] {"a", "b"});
        assertThat(roundTrip(new long[] {1, 2})).isEqualTo(new long[] {1, 2});
    }

    @Test
    void springsNullMarkerComesBackAsItsSingleton() {
        assertThat(roundTrip(NullValue.INSTANCE)).isSameAs(NullValue.INSTANCE);
    }

    @Test
    void aStoredTypeOutsideTheTrustedPackagesIsRefusedBeforeItIsLoaded() {
        JsonNode planted = JsonMapper.shared().readTree("{\"@class\":\"org.example.Gadget\",\"cmd\":\"rm -rf /\"}");

        assertThatThrownBy(() -> codec.decode(planted)).isInstanceOf(JacksonException.class)
                .hasMessageContaining("org.example.Gadget");
    }

    @Test
    void aTrustedPrefixDoesNotTrustAPackageThatMerelyStartsWithTheSameLetters() {
        TrustedTypes trusted = new TrustedTypes(List.of("com.acme"));

        assertThat(trusted.trusts("com.acme.Listing")).isTrue();
        assertThat(trusted.trusts("com.acme.sub.Listing")).isTrue();
        assertThat(trusted.trusts("com.acmeevil.Gadget")).isFalse();
        assertThat(trusted.trusts("[Lcom.acme.Listing;")).isTrue();
        assertThat(trusted.trusts("[Lcom.acmeevil.Gadget;")).isFalse();
        assertThat(trusted.trusts("[J")).isTrue();
    }

    @Test
    void aValueOfAnUntrustedClassIsRefusedWhenCachedRatherThanNeverReadBack() {
        CacheValueCodec strict = new CacheValueCodec(new TrustedTypes(List.of("java.")));

        assertThatThrownBy(() -> strict.encode(listing("1"))).isInstanceOf(CacheSerializationException.class)
                .hasMessageContaining("realestate.cache.trusted-packages");
    }
}
