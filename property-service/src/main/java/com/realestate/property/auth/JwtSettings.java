package com.realestate.property.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How bearer tokens are verified: with a JWKS (RS256) when {@code jwkSetUri} is set, otherwise with the shared
 * HS256 {@code secret}. Validated at construction so that a weak or missing key stops the service from starting.
 *
 * @param secret    the HS256 key as text ({@code JWT_SECRET}), at least 32 bytes in UTF-8; {@code null} when unset
 * @param jwkSetUri the issuer's JWKS address ({@code JWT_JWKS_URI}); {@code null} when unset
 * @param issuer    the required {@code iss} ({@code JWT_ISSUER}); {@code null} to accept any
 * @param audience  the {@code aud} that must be present ({@code JWT_AUDIENCE}); {@code null} to accept any
 */
@ConfigurationProperties("realestate.jwt")
public record JwtSettings(String secret, URI jwkSetUri, String issuer, String audience) {

    /** Shortest HS256 secret accepted: 256 bits, the size of the HMAC-SHA-256 output. */
    public static final int MIN_SECRET_BYTES = 32;

    /**
     * Normalises blank values to {@code null} and validates the key material.
     *
     * @throws IllegalArgumentException when neither a secret nor a JWKS address is given, or the secret is short
     */
    public JwtSettings {
        secret = secret == null || secret.isBlank() ? null : secret;
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
        if (jwkSetUri != null && jwkSetUri.toString().isBlank()) {
            jwkSetUri = null;
        }
        if (secret == null && jwkSetUri == null) {
            throw new IllegalArgumentException(
                    "JWT_SECRET (HS256, at least 256 bits) or JWT_JWKS_URI (RS256) must be set");
        }
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("JWT_SECRET must be at least " + MIN_SECRET_BYTES * 8
                    + " bits (" + MIN_SECRET_BYTES + " bytes of UTF-8), was "
                    + secret.getBytes(StandardCharsets.UTF_8).length * 8 + " bits");
        }
    }

    /** Whether tokens are verified against the issuer's JWKS (RS256) rather than the shared secret. */
    public boolean usesJwks() {
        return jwkSetUri != null;
    }

    /** The HS256 key; only for settings with a secret. */
    public SecretKey secretKey() {
        if (secret == null) {
            throw new IllegalStateException("no JWT_SECRET is configured");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @Override
    public String toString() {
        return "JwtSettings[secret=" + (secret == null ? "unset" : "(hidden)") + ", jwkSetUri=" + jwkSetUri
                + ", issuer=" + issuer + ", audience=" + audience + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
