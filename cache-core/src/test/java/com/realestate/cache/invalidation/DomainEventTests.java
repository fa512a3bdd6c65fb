package com.realestate.cache.invalidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.client.CacheException;
import com.realestate.cache.key.PropertyId;
import com.realestate.cache.key.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainEventTests {

    private static final Instant AT = Instant.parse("2024-05-01T10:15:30.123456789Z");

    private static DomainEvent event(Map<String, Object> payload) {
        return new DomainEvent("e-1", "property.updated", "acme", "42", AT, payload);
    }

    private static String json(String id, String type, String tenant, String entity, String occurredAt) {
        return "{\"id\":" + id + ",\"type\":" + type + ",\"tenantId\":" + tenant + ",\"entityId\":" + entity
                + ",\"occurredAt\":" + occurredAt + ",\"payload\":{}}";
    }

    private static String valid() {
        return json("\"e-1\"", "\"property.updated\"", "\"acme\"", "\"42\"", "\"2024-05-01T10:15:30Z\"");
    }

    @Test
    void theJsonFormHasExactlyTheEventsFields() {
        String json = event(Map.of("city", "Porto")).toJson();

        assertThat(json).isEqualTo("{\"id\":\"e-1\",\"type\":\"property.updated\",\"tenantId\":\"acme\","
                + "\"entityId\":\"42\",\"occurredAt\":\"2024-05-01T10:15:30.123456789Z\",\"payload\":{\"city\":\"Porto\"}}");
    }

    @Test
    void anEventSurvivesAJsonRoundTripExactly() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("price", new BigDecimal("350000.00"));
        payload.put("tiny", new BigDecimal("1E-30"));
        payload.put("bedrooms", 3);
        payload.put("note", null);
        payload.put("active", true);
        payload.put("tags", List.of("sea view", Map.of("floor", 2)));
        DomainEvent event = event(payload);

        DomainEvent read = DomainEvent.fromJson(event.toJson());

        assertThat(read).isEqualTo(event);
        assertThat(read.occurredAt()).isEqualTo(AT);
        assertThat(read.payload().get("price")).isEqualTo(new BigDecimal("350000.00"));
    }

    @Test
    void aMissingPayloadReadsAsEmpty() {
        String json = valid().replace(",\"payload\":{}", "");

        assertThat(DomainEvent.fromJson(json).payload()).isEmpty();
    }

    @Test
    void thePayloadIsACopyThatCannotBeChanged() {
        Map<String, Object> nested = new HashMap<>(Map.of("floor", 2));
        List<Object> tags = new ArrayList<>(List.of("a", nested));
        Map<String, Object> payload = new HashMap<>(Map.of("tags", tags));
        DomainEvent event = event(payload);

        payload.put("city", "Porto");
        tags.add("b");
        nested.put("floor", 3);

        assertThat(event.payload()).isEqualTo(Map.of("tags", List.of("a", Map.of("floor", 2))));
        assertThatThrownBy(() -> event.payload().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) event.payload().get("tags")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPayloadValueThatIsNotJsonIsRefusedWithItsPath() {
        Map<String, Object> payload = Map.of("visit", Map.of("at", Instant.now()));

        assertThatThrownBy(() -> event(payload)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("payload.visit.at")
                .satisfies(e -> assertThat(((MalformedEventException) e).field()).contains("payload.visit.at"));
    }

    @Test
    void aNewEventHasAUniqueIdAndTheTypedIds() {
        DomainEvent first = DomainEvent.of("score.updated", new TenantId("acme"), new PropertyId("42"));
        DomainEvent second = DomainEvent.of("score.updated", new TenantId("acme"), new PropertyId("42"));

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.tenant()).isEqualTo(new TenantId("acme"));
        assertThat(first.property()).isEqualTo(new PropertyId("42"));
    }

    @Test
    void aMalformedEventIsACacheException() {
        assertThatThrownBy(() -> DomainEvent.fromJson("{")).isInstanceOf(CacheException.class);
    }

    static Stream<Arguments> malformedJson() {
        String ok = valid();
        return Stream.of(
                Arguments.of("not JSON", "property.updated", null),
                Arguments.of("truncated", ok.substring(0, ok.length() - 2), null),
                Arguments.of("JSON null", "null", null),
                Arguments.of("an array", "[]", null),
                Arguments.of("trailing data", ok + " {}", null),
                Arguments.of("missing id", ok.replace("\"id\":\"e-1\",", ""), "id"),
                Arguments.of("blank id", ok.replace("\"e-1\"", "\"  \""), "id"),
                Arguments.of("missing type", ok.replace("\"type\":\"property.updated\",", ""), "type"),
                Arguments.of("missing tenant", ok.replace("\"tenantId\":\"acme\",", ""), "tenantId"),
                Arguments.of("blank tenant", ok.replace("\"acme\"", "\"\""), "tenantId"),
                Arguments.of("tenant too long", ok.replace("\"acme\"", "\"" + "t".repeat(TenantId.MAX_LENGTH + 1) + "\""),
                        "tenantId"),
                Arguments.of("tenant with an unpaired surrogate", ok.replace("\"acme\"", "\"a\\ud800b\""), "tenantId"),
                Arguments.of("missing entity", ok.replace("\"entityId\":\"42\",", ""), "entityId"),
                Arguments.of("entity too long", ok.replace("\"42\"", "\"" + "p".repeat(PropertyId.MAX_LENGTH + 1) + "\""),
                        "entityId"),
                Arguments.of("missing occurredAt", ok.replace(",\"occurredAt\":\"2024-05-01T10:15:30Z\"", ""), "occurredAt"),
                Arguments.of("occurredAt not an instant", ok.replace("2024-05-01T10:15:30Z", "yesterday"), "occurredAt"),
                Arguments.of("id not a string", ok.replace("\"e-1\"", "7"), "id"),
                Arguments.of("payload not an object", ok.replace("\"payload\":{}", "\"payload\":[1]"), "payload"),
                Arguments.of("unknown field", ok.replace("\"payload\":{}", "\"payload\":{},\"tenant\":\"x\""), "tenant"),
                Arguments.of("duplicate field", ok.replace("\"payload\":{}", "\"payload\":{},\"id\":\"e-2\""), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedJson")
    void malformedJsonIsRefusedNamingTheField(String why, String json, String field) {
        assertThatThrownBy(() -> DomainEvent.fromJson(json))
                .isInstanceOf(MalformedEventException.class)
                .satisfies(e -> {
                    MalformedEventException malformed = (MalformedEventException) e;
                    if (field == null) {
                        assertThat(malformed.getMessage()).startsWith("malformed event");
                    } else {
                        assertThat(malformed.field()).contains(field);
                        assertThat(malformed.getMessage()).contains("'" + field + "'");
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"property", "property.", ".updated", "Property.Updated", "property.updated.twice",
            "property updated", "property-updated", "1property.updated", "property.*", "timeline.note added"})
    void aTypeThatIsNotEntityDotActionIsRefused(String type) {
        assertThatThrownBy(() -> new DomainEvent("e-1", type, "acme", "42", AT, Map.of()))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("'type'").hasMessageContaining("entity.action");
    }

    @ParameterizedTest
    @ValueSource(strings = {"property.created", "score.calculated", "timeline.note_added", "agent2.updated"})
    void typesShapedEntityDotActionAreAccepted(String type) {
        assertThat(new DomainEvent("e-1", type, "acme", "42", AT, Map.of()).type()).isEqualTo(type);
    }

    @Test
    void anIdWithControlCharactersIsRefused() {
        assertThatThrownBy(() -> new DomainEvent("e\n1", "property.updated", "acme", "42", AT, Map.of()))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("'id'");
    }

    @Test
    void adversarialIdsAreValidAndSurviveTheRoundTrip() {
        for (String id : Arrays.asList("*", "a*", "{a}", "a}:property:b", "😀", "a:b")) {
            DomainEvent event = new DomainEvent("e-" + id, "property.updated", id, id, AT, Map.of());

            assertThat(DomainEvent.fromJson(event.toJson())).isEqualTo(event);
        }
    }
}
