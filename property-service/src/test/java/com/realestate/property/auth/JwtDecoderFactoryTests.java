package com.realestate.property.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.key.TenantId;
import com.realestate.property.support.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** The HS256 decoder accepts the service's own tokens and nothing weaker. */
class JwtDecoderFactoryTests {

    private static final TenantId TENANT = new TenantId("acme");
    private final JwtSettings settings = new JwtSettings(TestTokens.SECRET, null, TestTokens.ISSUER,
            TestTokens.AUDIENCE);
    private final JwtDecoder decoder = JwtDecoderFactory.create(settings);

    @Test
    void aTokenOfTheIssuerIsDecodedWithTenantAndRoles() {
        String token = new HmacTokenIssuer(settings, Clock.systemUTC())
                .issue("alice", TENANT, List.of(Role.ANALYST, Role.OPS), Duration.ofMinutes(5));

        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getSubject()).isEqualTo("alice");
        assertThat(jwt.getClaimAsString(JwtClaims.TENANT_ID)).isEqualTo("acme");
        assertThat(jwt.getClaimAsStringList(JwtClaims.ROLES)).containsExactly("analyst", "ops");
        assertThat(jwt.getAudience()).containsExactly(TestTokens.AUDIENCE);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertThatThrownBy(() -> decoder.decode(TestTokens.unsigned(TENANT, Role.ADMIN)))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        String token = TestTokens.signed(TENANT, claims -> claims.expirationTime(null), Role.ADMIN);

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void withoutConfiguredIssuerAndAudienceAnyAreAccepted() {
        JwtDecoder lenient = JwtDecoderFactory.create(new JwtSettings(TestTokens.SECRET, null, null, null));
        String token = TestTokens.signed(TENANT, claims -> claims.issuer("https://other.test").audience("x"),
                Role.USER);

        assertThat(lenient.decode(token).getSubject()).isEqualTo("test-user");
    }
}
