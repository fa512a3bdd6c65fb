package com.realestate.property.auth;

import com.realestate.cache.key.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs HS256 tokens with the service's own secret. The service never issues tokens to clients; this exists so
 * that a local run can print ready-made demo tokens that the running service accepts.
 */
public final class HmacTokenIssuer {

    private final JwtSettings settings;
    private final NimbusJwtEncoder encoder;
    private final Clock clock;

    /**
     * An issuer for the given settings.
     *
     * @throws IllegalArgumentException when the settings verify with a JWKS and so have no secret to sign with
     */
    public HmacTokenIssuer(JwtSettings settings, Clock clock) {
        if (settings.usesJwks()) {
            throw new IllegalArgumentException("tokens can only be issued with a JWT_SECRET, not with a JWKS");
        }
        this.settings = settings;
        this.encoder = NimbusJwtEncoder.withSecretKey(settings.secretKey()).build();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token for the subject in the tenant with the roles, valid from now for {@code lifetime}. */
    public String issue(String subject, TenantId tenant, Collection<Role> roles, Duration lifetime) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(JwtClaims.TENANT_ID, tenant.value())
                .claim(JwtClaims.ROLES, roles.stream().map(Role::claimValue).toList());
        if (settings.issuer() != null) {
            claims.issuer(settings.issuer());
        }
        if (settings.audience() != null) {
            claims.audience(List.of(settings.audience()));
        }
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
