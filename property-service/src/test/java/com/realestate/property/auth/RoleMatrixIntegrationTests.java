package com.realestate.property.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.TenantId;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.ApiIntegrationTest;
import com.realestate.property.support.SampleProperties;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint against every role: the roles of the API's table get through, all others get 403. HEAD of a read
 * needs the read's roles (Spring MVC answers it with the GET handler), and a method the API does not offer is
 * refused to every role before it reaches a handler.
 */
class RoleMatrixIntegrationTests extends ApiIntegrationTest {

    /** The endpoints, each with the roles that may call it and its status on success. */
    enum Endpoint {
        LIST("GET", "", false, 200, Role.USER, Role.ANALYST, Role.OPS, Role.ADMIN),
        GET("GET", "/{id}", false, 200, Role.USER, Role.ANALYST, Role.OPS, Role.ADMIN),
        CREATE("POST", "", true, 201, Role.ANALYST, Role.ADMIN),
        REPLACE("PUT", "/{id}", true, 200, Role.ANALYST, Role.OPS, Role.ADMIN),
        DELETE("DELETE", "/{id}", false, 204, Role.ADMIN),
        SCORE("GET", "/{id}/score", false, 200, Role.USER, Role.ANALYST, Role.OPS, Role.ADMIN),
        TIMELINE("GET", "/{id}/timeline", false, 200, Role.USER, Role.ANALYST, Role.OPS, Role.ADMIN),
        INVALIDATE("POST", "/{id}/cache/invalidate", false, 202, Role.ADMIN),
        HEAD_LIST("HEAD", "", false, 200, Role.USER, Role.ANALYST, Role.OPS, Role.ADMIN),
        HEAD_GET("HEAD", "/{id}", false, 200, Role.USER, Role.ANALYST, Role.OPS, Role.ADMIN),
        HEAD_SCORE("HEAD", "/{id}/score", false, 200, Role.USER, Role.ANALYST, Role.OPS, Role.ADMIN),
        HEAD_TIMELINE("HEAD", "/{id}/timeline", false, 200, Role.USER, Role.ANALYST, Role.OPS, Role.ADMIN),
        PATCH("PATCH", "/{id}", true, 0);

        final String method;
        final String path;
        final boolean hasBody;
        final int success;
        final Set<Role> allowed;

        Endpoint(String method, String path, boolean hasBody, int success, Role... allowed) {
            this.method = method;
            this.path = path;
            this.hasBody = hasBody;
            this.success = success;
            this.allowed = allowed.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(allowed));
        }
    }

    static Stream<Arguments> everyEndpointAndRole() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> Arrays.stream(Role.values())
                .map(role -> Arguments.of(endpoint, role, endpoint.allowed.contains(role) ? endpoint.success : 403)));
    }

    @ParameterizedTest(name = "{0} as {1} answers {2}")
    @MethodSource("everyEndpointAndRole")
    void rolesOfTheTableAreAllowedAndOthersForbidden(Endpoint endpoint, Role role, int expectedStatus) {
        TenantId tenant = newTenant();
        ApiClient.Response response = call(endpoint, tenant, token(tenant, role));

        assertThat(response.status()).as("%s as %s: %s", endpoint, role, response).isEqualTo(expectedStatus);
        if (expectedStatus == 403 && !endpoint.method.equals("HEAD")) {
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0} without any role answers 403")
    @EnumSource(Endpoint.class)
    void aValidTokenWithoutRolesIsForbiddenEverywhere(Endpoint endpoint) {
        TenantId tenant = newTenant();
        ApiClient.Response response = call(endpoint, tenant, token(tenant));

        assertThat(response.status()).as("%s: %s", endpoint, response).isEqualTo(403);
    }

    private ApiClient.Response call(Endpoint endpoint, TenantId tenant, String token) {
        String path = PROPERTIES + endpoint.path;
        if (path.contains("{id}")) {
            path = path.replace("{id}", create(tenant));
        }
        String body = endpoint.hasBody ? SampleProperties.with(json -> json.put("price", 410000)) : null;
        return api.send(endpoint.method, path, token, body);
    }
}
