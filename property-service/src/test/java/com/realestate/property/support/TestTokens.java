package com.realestate.property.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.realestate.cache.key.TenantId;
import com.realestate.property.auth.HmacTokenIssuer;
import com.realestate.property.auth.JwtSettings;
import com.realestate.property.auth.Role;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.function.UnaryOperator;

/** The key, issuer and audience the test service is configured with, and tokens good and bad for it. */
public final class TestTokens {

    /** The HS256 secret of the test service: 256 bits and more. */
    public static final String SECRET = "property-service-test-secret-0123456789-abcdef";

    /** The issuer the test service requires. */
    public static final String ISSUER = "https://issuer.test";

    /** The audience the test service requires. */
    public static final String AUDIENCE = "property-api";

    private static final JwtSettings SETTINGS = new JwtSettings(SECRET, null, ISSUER, AUDIENCE);
    private static final HmacTokenIssuer ISSUER_OF_VALID = new HmacTokenIssuer(SETTINGS, Clock.systemUTC());

    private TestTokens() {
    }

    /** A valid token for the tenant with the roles, for an hour. */
    public static String valid(TenantId tenant, Role... roles) {
        return ISSUER_OF_VALID.issue("test-user", tenant, Arrays.asList(roles), Duration.ofHours(1));
    }

    /** The claims of a valid token, for a test to spoil one of them. */
    public static JWTClaimsSet.Builder validClaims(TenantId tenant, Role... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject("test-user")
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("tenant_id", tenant.value())
                .claim("roles", Arrays.stream(roles).map(Role::claimValue).toList());
    }

    /** A token with valid claims changed by {@code spoil}, signed with the given HS256 secret. */
    public static String signed(String secret, TenantId tenant, UnaryOperator<JWTClaimsSet.Builder> spoil,
            Role... roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                    spoil.apply(validClaims(tenant, roles)).build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token with valid claims changed by {@code spoil}, signed with the test secret. */
    public static String signed(TenantId tenant, UnaryOperator<JWTClaimsSet.Builder> spoil, Role... roles) {
        return signed(SECRET, tenant, spoil, roles);
    }

    /** An unsigned token ({@code alg: none}) with otherwise valid claims. */
    public static String unsigned(TenantId tenant, Role... roles) {
        return new PlainJWT(validClaims(tenant, roles).build()).serialize();
    }
}
