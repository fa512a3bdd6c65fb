package com.realestate.property.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.realestate.cache.key.TenantId;
import com.realestate.property.support.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** With {@code JWT_JWKS_URI}, tokens are verified with RS256 against the issuer's published keys. */
class JwksDecoderIntegrationTests {

    private static final TenantId TENANT = new TenantId("acme");
    private static RSAKey issuerKey;
    private static HttpServer jwks;
    private static JwtDecoder decoder;

    @BeforeAll
    static void publishKeys() throws JOSEException, IOException {
        issuerKey = new RSAKeyGenerator(2048).keyID("issuer-key-1").generate();
        byte[] body = new JWKSet(issuerKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwks.start();
        URI uri = URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks.json");
        decoder = JwtDecoderFactory.create(new JwtSettings(null, uri, TestTokens.ISSUER, null));
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    @Test
    void aTokenSignedByThePublishedKeyIsAccepted() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("issuer-key-1").build(),
                TestTokens.validClaims(TENANT, Role.USER).build());
        jwt.sign(new RSASSASigner(issuerKey));

        assertThat(decoder.decode(jwt.serialize()).getClaimAsString(JwtClaims.TENANT_ID)).isEqualTo("acme");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws JOSEException {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("issuer-key-1").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("issuer-key-1").build(),
                TestTokens.validClaims(TENANT, Role.USER).build());
        jwt.sign(new RSASSASigner(stranger));

        assertThatThrownBy(() -> decoder.decode(jwt.serialize())).isInstanceOf(BadJwtException.class);
    }

    @Test
    void anHmacTokenIsRefusedEvenWhenSignedWithThePublicKey() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), TestTokens.validClaims(TENANT, Role.USER)
                .build());
        jwt.sign(new MACSigner(issuerKey.toPublicJWK().toRSAPublicKey().getEncoded()));

        assertThatThrownBy(() -> decoder.decode(jwt.serialize())).isInstanceOf(BadJwtException.class);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        assertThatThrownBy(() -> decoder.decode(TestTokens.unsigned(TENANT, Role.USER)))
                .isInstanceOf(BadJwtException.class);
    }
}
