package com.realestate.property.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.key.TenantId;
import com.realestate.property.support.ApiClient;
import com.realestate.property.support.ApiIntegrationTest;
import com.realestate.property.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests without a token, or with one the service must not trust, are refused with a 401 problem. */
class AuthenticationIntegrationTests extends ApiIntegrationTest {

    private static final TenantId TENANT = new TenantId("auth-tests");

    static Stream<Arguments> untrustedTokens() {
        Date past = Date.from(Instant.now().minus(Duration.ofMinutes(10)));
        return Stream.of(
                Arguments.of("a malformed token", "not-a-jwt"),
                Arguments.of("a bad signature", TestTokens.signed("another-secret-of-at-least-32-bytes-xxxxxxxx",
                        TENANT, claims -> claims, Role.ADMIN)),
                Arguments.of("alg none", TestTokens.unsigned(TENANT, Role.ADMIN)),
                Arguments.of("an expired token", TestTokens.signed(TENANT,
                        claims -> claims.issueTime(past).expirationTime(past), Role.ADMIN)),
                Arguments.of("no exp", TestTokens.signed(TENANT, claims -> claims.expirationTime(null), Role.ADMIN)),
                Arguments.of("a wrong issuer", TestTokens.signed(TENANT,
                        claims -> claims.issuer("https://evil.test"), Role.ADMIN)),
                Arguments.of("no issuer", TestTokens.signed(TENANT, claims -> claims.issuer(null), Role.ADMIN)),
                Arguments.of("a wrong audience", TestTokens.signed(TENANT,
                        claims -> claims.audience("another-api"), Role.ADMIN)),
                Arguments.of("no tenant", TestTokens.signed(TENANT,
                        claims -> claims.claim("tenant_id", null), Role.ADMIN)),
                Arguments.of("a blank tenant", TestTokens.signed(TENANT,
                        claims -> claims.claim("tenant_id", " "), Role.ADMIN)),
                Arguments.of("a non-text tenant", TestTokens.signed(TENANT,
                        claims -> claims.claim("tenant_id", List.of("a", "b")), Role.ADMIN)),
                Arguments.of("a tenant too long to be a key", TestTokens.signed(TENANT,
                        claims -> claims.claim("tenant_id", "€".repeat(100)), Role.ADMIN)),
                Arguments.of("no subject", TestTokens.signed(TENANT, claims -> claims.subject(null), Role.ADMIN)));
    }

    @Test
    void aRequestWithoutTokenIsUnauthorizedWithAProblemBody() {
        ApiClient.Response response = api.get(PROPERTIES, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("instance").asString()).isEqualTo(PROPERTIES);
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("untrustedTokens")
    void anUntrustedTokenIsUnauthorized(String description, String token) {
        ApiClient.Response response = api.get(PROPERTIES, token);

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(response.json().get("title").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void aTokenWithTheConfiguredIssuerAndAudienceIsAccepted() {
        String token = TestTokens.signed(TENANT, claims -> claims, Role.USER);

        assertThat(api.get(PROPERTIES, token).status()).isEqualTo(200);
    }

    @Test
    void writesWithoutATokenAreUnauthorizedAndWriteNothing() {
        TenantId tenant = newTenant();
        ApiClient.Response response = api.send("POST", PROPERTIES, null, "{}");

        assertThat(response.status()).isEqualTo(401);
        assertThat(propertyRows(tenant)).isZero();
    }

    @Test
    void healthAndApiDocsNeedNoToken() {
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
    }
}
