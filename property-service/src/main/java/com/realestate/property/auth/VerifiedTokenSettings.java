package com.realestate.property.auth;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many verified bearer tokens the service remembers, and for how long at most, so that a client sending the
 * same token on every request is not verified again each time. Validated at construction.
 *
 * @param maximumSize tokens remembered at once; {@code 0} verifies every request
 * @param maximumAge  longest a verified token is remembered, however far its {@code exp}; bounds how long a token
 *                    signed by a key the issuer has since withdrawn from its JWKS is still accepted
 */
@ConfigurationProperties("realestate.jwt.verified-tokens")
public record VerifiedTokenSettings(@DefaultValue("10000") int maximumSize, @DefaultValue("5m") Duration maximumAge) {

    /**
     * @throws IllegalArgumentException when the size is negative or the age is not positive
     */
    public VerifiedTokenSettings {
        if (maximumSize < 0) {
            throw new IllegalArgumentException("realestate.jwt.verified-tokens.maximum-size must be 0 or more, was "
                    + maximumSize);
        }
        if (maximumAge == null || maximumAge.isNegative() || maximumAge.isZero()) {
            throw new IllegalArgumentException("realestate.jwt.verified-tokens.maximum-age must be positive, was "
                    + maximumAge);
        }
    }
}
