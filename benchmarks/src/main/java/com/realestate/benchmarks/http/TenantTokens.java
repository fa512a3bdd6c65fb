package com.realestate.benchmarks.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Signs the bearer tokens of a load run with the service's HS256 secret: one token per tenant with the {@code user}
 * role, valid for the run, so requests carry exactly what a real client's would.
 */
final class TenantTokens {

    private TenantTokens() {
    }

    /**
     * A token for the tenant, with {@code iss} and {@code aud} when given.
     *
     * @throws IllegalArgumentException when the secret is shorter than the 256 bits HS256 needs
     */
    static String issue(String secret, String tenant, String issuer, String audience, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("load-" + tenant)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("tenant_id", tenant)
                .claim("roles", List.of("user"));
        if (issuer != null && !issuer.isBlank()) {
            claims.issuer(issuer);
        }
        if (audience != null && !audience.isBlank()) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .build(), claims.build());
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign with this JWT secret: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
