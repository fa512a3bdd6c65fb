package com.realestate.property.system;

import com.realestate.cache.key.TenantId;
import com.realestate.property.auth.HmacTokenIssuer;
import com.realestate.property.auth.JwtSettings;
import com.realestate.property.auth.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints, once a local run is ready, demo tokens for each role of the demo tenant (valid for a day) and a
 * {@code curl} line that works as it is, so the API can be tried without an identity provider.
 */
@Component
@ConditionalOnBooleanProperty(LocalRunBootstrap.LOCAL_RUN)
public class LocalRunBanner {

    /** How long the printed tokens are valid. */
    public static final Duration TOKEN_LIFETIME = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(LocalRunBanner.class);

    private final JwtSettings jwt;
    private final Clock clock;
    private final Environment environment;

    /** A banner for the given key settings. */
    public LocalRunBanner(JwtSettings jwt, Clock clock, Environment environment) {
        this.jwt = jwt;
        this.clock = clock;
        this.environment = environment;
    }

    /** Logs the tokens and the example once the server listens. */
    @EventListener(ApplicationReadyEvent.class)
    public void printTokens() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        if (jwt.usesJwks()) {
            log.info("Local run ready at {}; tokens come from the configured JWKS issuer", base);
            return;
        }
        Map<Role, String> tokens = tokens();
        StringBuilder banner = new StringBuilder()
                .append("Local run ready at ").append(base).append(" with tenant '").append(DemoDataSeeder.TENANT)
                .append("'. Demo tokens, valid for ").append(TOKEN_LIFETIME.toHours()).append(" h:\n");
        tokens.forEach((role, token) -> banner.append(String.format("  %-8s %s%n", role.claimValue(), token)));
        banner.append("Try:\n  curl -H \"Authorization: Bearer ").append(tokens.get(Role.USER)).append("\" \"")
                .append(base).append("/api/v1/properties?city=lisbon&sort=-price&size=3\"\n")
                .append("OpenAPI: ").append(base).append("/v3/api-docs  Swagger UI: ").append(base)
                .append("/swagger-ui.html");
        log.info("{}", banner);
    }

    /** One token per role, for the demo tenant. */
    public Map<Role, String> tokens() {
        HmacTokenIssuer issuer = new HmacTokenIssuer(jwt, clock);
        TenantId tenant = new TenantId(DemoDataSeeder.TENANT);
        Map<Role, String> tokens = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            tokens.put(role, issuer.issue("demo-" + role.claimValue(), tenant, List.of(role), TOKEN_LIFETIME));
        }
        return tokens;
    }
}
