package com.realestate.property.support;

import com.realestate.property.PropertyServiceApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole service on a random port against a given PostgreSQL and Redis, with the test tokens' JWT
 * settings and no cache warm-up: for tests that need instances of their own (outages, clusters, several instances).
 */
public final class TestServices {

    private TestServices() {
    }

    /** A running service; {@code settings} are further {@code --name=value} arguments. */
    public static ConfigurableApplicationContext start(String jdbcUrl, String redisUrl, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--REDIS_URL=" + redisUrl,
                "--realestate.property-cache.warm-up-properties=0",
                "--JWT_SECRET=" + TestTokens.SECRET,
                "--JWT_ISSUER=" + TestTokens.ISSUER,
                "--JWT_AUDIENCE=" + TestTokens.AUDIENCE));
        arguments.addAll(List.of(settings));
        return PropertyServiceApplication.application().run(arguments.toArray(String[]::new));
    }

    /** A client for the service's HTTP port. */
    public static ApiClient api(ConfigurableApplicationContext service) {
        return new ApiClient(service.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }
}
