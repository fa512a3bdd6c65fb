package com.realestate.property.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that remembers the tokens it verified. Clients send the same bearer token with every
 * request, and checking its signature and parsing its claims again each time was a sixth of the service's Java CPU
 * samples on a cached read; JWT gateways such as Envoy's keep verified tokens for the same reason. The whole
 * compact token, signature included, is the key, so only the exact text verified before is accepted without the
 * decoder; an entry is dropped at the token's {@code exp} or after the configured age, whichever comes first, and a
 * token past its {@code exp} always goes back to the decoder. Tokens the decoder refused are not remembered.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    private VerifiedTokenCache(JwtDecoder decoder, VerifiedTokenSettings settings, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        Duration maximumAge = settings.maximumAge();
        this.verified = Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, maximumAge)))
                .build();
    }

    /** {@code decoder} itself when the settings remember no tokens, else {@code decoder} behind a cache. */
    static JwtDecoder around(JwtDecoder decoder, VerifiedTokenSettings settings, Clock clock) {
        return settings.maximumSize() == 0 ? decoder : new VerifiedTokenCache(decoder, settings, clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        if (token == null) {
            return decoder.decode(null);
        }
        Jwt known = verified.getIfPresent(token);
        if (known != null && unexpired(known)) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    private boolean unexpired(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && clock.instant().isBefore(expiresAt);
    }

    private Duration lifetime(Jwt jwt, Duration maximumAge) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration untilExpiry = Duration.between(clock.instant(), expiresAt);
        if (untilExpiry.isNegative()) {
            return Duration.ZERO;
        }
        return untilExpiry.compareTo(maximumAge) < 0 ? untilExpiry : maximumAge;
    }
}
