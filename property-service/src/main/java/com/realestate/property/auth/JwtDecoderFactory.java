package com.realestate.property.auth;

import com.realestate.cache.key.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Builds the one {@link JwtDecoder} of the service from {@link JwtSettings}. Each decoder accepts a single
 * signing algorithm (HS256 or RS256), so unsigned ({@code alg: none}) and algorithm-confused tokens fail, and
 * every token must carry {@code exp}, {@code sub} and a well-formed {@code tenant_id}.
 */
public final class JwtDecoderFactory {

    private JwtDecoderFactory() {
    }

    /** A decoder for the configured key, with the service's claim checks. */
    public static JwtDecoder create(JwtSettings settings) {
        NimbusJwtDecoder decoder = settings.usesJwks()
                ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString())
                        .jwsAlgorithm(SignatureAlgorithm.RS256)
                        .build()
                : NimbusJwtDecoder.withSecretKey(settings.secretKey())
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build();
        decoder.setJwtValidator(validator(settings));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(JwtSettings settings) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
        validators.add(new JwtClaimValidator<Object>(JwtClaims.TENANT_ID, JwtDecoderFactory::isTenantId));
        if (settings.issuer() != null) {
            validators.add(new JwtIssuerValidator(settings.issuer()));
        }
        if (settings.audience() != null) {
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    audience -> audience != null && audience.contains(settings.audience())));
        }
        return JwtValidators.createDefaultWithValidators(validators);
    }

    private static boolean isTenantId(Object claim) {
        if (!(claim instanceof String text)) {
            return false;
        }
        try {
            new TenantId(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
