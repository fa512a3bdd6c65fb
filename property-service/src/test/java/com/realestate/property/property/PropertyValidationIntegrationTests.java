package com.realestate.property.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.TenantId;
import com.realestate.property.auth.Role;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.ApiIntegrationTest;
import com.realestate.property.support.SampleProperties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** Invalid input is refused with a 400 problem that names the field, and nothing is written. */
class PropertyValidationIntegrationTests extends ApiIntegrationTest {

    private final TenantId tenant = newTenant();
    private final String analyst = token(tenant, Role.ANALYST);

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                invalid("price", json -> json.put("price", 0)),
                invalid("price", json -> json.put("price", -5)),
                invalid("price", json -> json.put("price", "1.005")),
                invalid("price", json -> json.put("price", "1e15")),
                invalid("price", json -> json.putRawValue("price", new RawValue("1E+2147483647"))),
                invalid("areaSqm", json -> json.putRawValue("areaSqm", new RawValue("1E+2147483647"))),
                invalid("price", json -> json.put("price", "cheap")),
                invalid("price", json -> json.remove("price")),
                invalid("currency", json -> json.put("currency", "XYZ")),
                invalid("currency", json -> json.put("currency", "eur")),
                invalid("currency", json -> json.remove("currency")),
                invalid("bedrooms", json -> json.put("bedrooms", -1)),
                invalid("bedrooms", json -> json.put("bedrooms", 99999999999L)),
                invalid("bathrooms", json -> json.put("bathrooms", -1)),
                invalid("bathrooms", json -> json.put("bathrooms", 1.5)),
                invalid("areaSqm", json -> json.put("areaSqm", 0)),
                invalid("type", json -> json.put("type", "CASTLE")),
                invalid("status", json -> json.put("status", "active")),
                invalid("address", json -> json.remove("address")),
                invalid("address.city", json -> json.withObject("address").put("city", " ")),
                invalid("address.country", json -> json.withObject("address").remove("country")),
                invalid("features[2]", json -> json.withArray("features").add("")),
                invalid("features[2]", json -> json.withArray("features").add("x\u0000")),
                invalid("address.line1", json -> json.withObject("address").put("line1", "a\u0000b")),
                invalid("address.city", json -> json.withObject("address").put("city", "Lis\nbon")),
                invalid("features", json -> json.put("features", "balcony")),
                invalid("owner", json -> json.put("owner", "someone")),
                invalid("address.floor", json -> json.withObject("address").put("floor", 3)),
                invalid("id", json -> json.put("id", "chosen-by-client")),
                invalid("version", json -> json.put("version", 7)));
    }

    private static Arguments invalid(String field, Consumer<ObjectNode> change) {
        return Arguments.of(field, SampleProperties.with(change));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidBodies")
    void anInvalidCreateIsRefusedNamingTheFieldAndWritesNothing(String field, String body) {
        ApiClient.Response response = api.send("POST", PROPERTIES, analyst, body);

        assertProblemNaming(response, field);
        assertThat(propertyRows(tenant)).isZero();
        assertThat(eventRows(tenant)).isZero();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidBodies")
    void anInvalidReplaceIsRefusedNamingTheFieldAndChangesNothing(String field, String body) {
        String id = create(tenant);
        long events = eventRows(tenant);

        ApiClient.Response response = api.send("PUT", PROPERTIES + "/" + id, analyst, body);

        assertProblemNaming(response, field);
        assertThat(api.get(PROPERTIES + "/" + id, analyst).json().get("version").asLong()).isEqualTo(1);
        assertThat(eventRows(tenant)).isEqualTo(events);
    }

    @Test
    void everyInvalidFieldIsListed() {
        String body = SampleProperties.with(json -> json.put("price", 0).put("bedrooms", -1).put("currency", "XX"));

        JsonNode errors = api.send("POST", PROPERTIES, analyst, body).json().get("errors");

        assertThat(errors.findValuesAsString("field")).containsExactly("bedrooms", "currency", "price");
    }

    @Test
    void malformedJsonIsRefusedAsTheBody() {
        ApiClient.Response response = api.send("POST", PROPERTIES, analyst, "{\"price\": ");

        assertProblemNaming(response, "body");
        assertThat(propertyRows(tenant)).isZero();
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertProblemNaming(api.send("POST", PROPERTIES, analyst, "[1, 2]"), "body");
        assertProblemNaming(api.send("POST", PROPERTIES, analyst, ""), "body");
    }

    static Stream<Arguments> invalidListQueries() {
        return Stream.of(
                Arguments.of("?color=red", "color"),
                Arguments.of("?city=x&limit=5", "limit"),
                Arguments.of("?size=101", "size"),
                Arguments.of("?size=0", "size"),
                Arguments.of("?page=-1", "page"),
                Arguments.of("?page=first", "page"),
                Arguments.of("?sort=name", "sort"),
                Arguments.of("?minPrice=-1", "minPrice"),
                Arguments.of("?maxPrice=cheap", "maxPrice"),
                Arguments.of("?minPrice=500&maxPrice=100", "minPrice"),
                Arguments.of("?minBedrooms=-2", "minBedrooms"),
                Arguments.of("?status=FOR_SALE", "status"),
                Arguments.of("?type=castle", "type"),
                Arguments.of("?city=a&city=b", "city"),
                Arguments.of("?city=a%00b", "city"),
                Arguments.of("?type=HOUSE%1F", "type"));
    }

    @ParameterizedTest(name = "{0} names {1}")
    @MethodSource("invalidListQueries")
    void anInvalidListQueryIsRefusedNamingTheParameter(String query, String parameter) {
        assertProblemNaming(api.get(PROPERTIES + query, analyst), parameter);
    }

    private static void assertProblemNaming(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsString("field")).as(response.toString()).contains(field);
    }
}
