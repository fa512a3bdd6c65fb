package com.realestate.property.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.TenantId;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.ApiIntegrationTest;
import com.realestate.property.support.SampleProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant can neither see nor touch another tenant's properties: on every endpoint another tenant's id answers
 * exactly as an id that does not exist, and lists hold the caller's tenant only.
 */
class TenantIsolationIntegrationTests extends ApiIntegrationTest {

    private final TenantId owner = newTenant();
    private final TenantId intruder = newTenant();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "GET, ''",
        "PUT, ''",
        "DELETE, ''",
        "GET, /score",
        "GET, /timeline",
        "POST, /cache/invalidate"
    })
    void anotherTenantsIdAnswersExactlyLikeAnUnknownId(String method, String suffix) {
        String id = create(owner);
        String token = token(intruder, Role.ADMIN);
        String body = method.equals("PUT") ? SampleProperties.json() : null;

        ApiClient.Response foreign = api.send(method, PROPERTIES + "/" + id + suffix, token, body);
        ApiClient.Response unknown = api.send(method, PROPERTIES + "/" + id + "x" + suffix, token, body);

        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
        assertThat(withoutInstance(foreign.json())).isEqualTo(withoutInstance(unknown.json()));
        assertThat(foreign.header("Content-Type")).isEqualTo(unknown.header("Content-Type"));
    }

    @Test
    void anotherTenantsWritesLeaveThePropertyAndItsHistoryUntouched() {
        String id = create(owner);
        long events = eventRows(owner);
        String intruderAdmin = token(intruder, Role.ADMIN);

        api.send("PUT", PROPERTIES + "/" + id, intruderAdmin, SampleProperties.with(json -> json.put("price", 1)));
        api.send("DELETE", PROPERTIES + "/" + id, intruderAdmin, null);
        api.get(PROPERTIES + "/" + id + "/score", intruderAdmin);

        JsonNode property = api.get(PROPERTIES + "/" + id, token(owner, Role.USER)).json();
        assertThat(property.get("version").asLong()).isEqualTo(1);
        assertThat(property.get("price").decimalValue()).isEqualByComparingTo("400000");
        assertThat(eventRows(owner)).isEqualTo(events);
        assertThat(eventRows(intruder)).isZero();
    }

    @Test
    void aListShowsOnlyTheCallersTenant() {
        String mine = create(owner);
        create(intruder);
        create(intruder);

        JsonNode page = api.get(PROPERTIES + "?city=lisbon", token(owner, Role.USER)).json();

        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").findValuesAsString("id")).containsExactly(mine);
        assertThat(page.get("items").findValuesAsString("tenantId")).containsOnly(owner.value());
    }

    @Test
    void theTenantComesFromTheTokenNotFromTheBody() {
        String body = SampleProperties.with(json -> json.put("tenantId", intruder.value()));

        ApiClient.Response response = api.send("POST", PROPERTIES, token(owner, Role.ADMIN), body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(propertyRows(intruder)).isZero();
    }

    private static JsonNode withoutInstance(JsonNode problem) {
        ObjectNode copy = ((ObjectNode) problem).deepCopy();
        copy.remove("instance");
        return copy;
    }
}
