package com.realestate.property.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTests {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final VerifiedTokenSettings SETTINGS = new VerifiedTokenSettings(100, Duration.ofMinutes(5));

    private final List<String> verified = new ArrayList<>();
    private Instant expiresAt = NOW.plus(Duration.ofHours(1));

    private final JwtDecoder verifier = token -> {
        verified.add(token);
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("u").issuedAt(NOW.minusSeconds(1))
                .expiresAt(expiresAt).build();
    };

    private JwtDecoder cache(Instant now) {
        return VerifiedTokenCache.around(verifier, SETTINGS, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        JwtDecoder decoder = cache(NOW);

        Jwt first = decoder.decode("token-a");
        Jwt second = decoder.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly("token-a");
    }

    @Test
    void everyOtherTokenIsVerified() {
        JwtDecoder decoder = cache(NOW);

        decoder.decode("token-a");
        decoder.decode("token-a-but-longer");

        assertThat(verified).containsExactly("token-a", "token-a-but-longer");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        JwtDecoder decoder = cache(NOW);

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verified).containsExactly("forged", "forged");
    }

    @Test
    void aRememberedTokenPastItsExpiryGoesBackToTheVerifier() {
        expiresAt = NOW.plusSeconds(30);
        JwtDecoder decoder = cache(NOW.plusSeconds(31));

        decoder.decode("token-a");
        decoder.decode("token-a");

        assertThat(verified).containsExactly("token-a", "token-a");
    }

    @Test
    void aSizeOfZeroVerifiesEveryRequest() {
        JwtDecoder decoder = VerifiedTokenCache.around(verifier, new VerifiedTokenSettings(0, Duration.ofMinutes(5)),
                Clock.systemUTC());

        decoder.decode("token-a");
        decoder.decode("token-a");

        assertThat(decoder).isSameAs(verifier);
        assertThat(verified).containsExactly("token-a", "token-a");
    }

    @Test
    void settingsRefuseANegativeSizeAndANonPositiveAge() {
        assertThatThrownBy(() -> new VerifiedTokenSettings(-1, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum-size");
        assertThatThrownBy(() -> new VerifiedTokenSettings(10, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum-age");
    }
}
