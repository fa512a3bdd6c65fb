package com.realestate.property.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real PostgreSQL servers for tests: one shared by the whole test JVM, started on first use, and dedicated ones
 * for tests that must stop their server. Tests share the database by working in tenants of their own.
 */
public final class TestDatabase {

    private static CompletableFuture<EmbeddedPostgres> shared;

    private TestDatabase() {
    }

    /** The JDBC URL of the shared server, starting it on first use. */
    public static String sharedJdbcUrl() {
        return jdbcUrl(startShared().join());
    }

    /**
     * Points a Spring test context at the shared server. The server starts in the background from here on, while
     * the context starts, and the URL is resolved only when the context first needs it.
     */
    public static void register(DynamicPropertyRegistry registry) {
        startShared();
        registry.add("spring.datasource.url", TestDatabase::sharedJdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
    }

    private static synchronized CompletableFuture<EmbeddedPostgres> startShared() {
        if (shared == null) {
            shared = CompletableFuture.supplyAsync(TestDatabase::start);
        }
        return shared;
    }

    /** A new server of the caller's own, on a free loopback port; the caller closes it. */
    public static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    /** The JDBC URL of a server started here. */
    public static String jdbcUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }
}
