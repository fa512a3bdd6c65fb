package com.realestate.property.system;

import com.realestate.cache.test.RedisServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real PostgreSQL and redis-server processes of a local run, each on a free loopback port with its data in a
 * temporary directory that goes away with it. Closing stops both, and nothing else does: neither registers a JVM
 * shutdown hook of its own, which would stop it while the application still uses it (hooks run concurrently), so
 * the owner closes it once the application has stopped.
 */
public final class EmbeddedServices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);
    private static final String DATABASE = "postgres";

    private EmbeddedPostgres postgres;
    private RedisServer redis;

    /**
     * Starts PostgreSQL and returns its JDBC URL (user {@code postgres}, no password).
     *
     * @throws UncheckedIOException when the server cannot be started
     */
    public String startPostgres() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
        log.info("Started embedded PostgreSQL at {}", url);
        return url;
    }

    /** The user of the embedded database. */
    public String postgresUser() {
        return DATABASE;
    }

    /** Starts redis-server and returns its URL. */
    public String startRedis() {
        redis = RedisServer.startWithoutShutdownHook();
        log.info("Started embedded Redis at {}", redis.uri());
        return redis.uri() + "/0";
    }

    /** Stops whatever was started, PostgreSQL even if Redis cannot be stopped; safe to call more than once. */
    @Override
    public void close() {
        try {
            if (redis != null) {
                redis.close();
                redis = null;
            }
        } finally {
            closePostgres();
        }
    }

    private void closePostgres() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Could not stop the embedded PostgreSQL cleanly", e);
            }
            postgres = null;
        }
    }
}
