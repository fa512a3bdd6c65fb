package com.realestate.cache.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Redis a non-destructive test talks to: the JVM-wide local server or an external one from
 * {@code TEST_REDIS_URL}. Injected by {@link RedisExtension}.
 *
 * <p>Put every key under {@link #keyPrefix()}: prefixes are unique per test, so tests sharing a server
 * never see each other's keys, and on an external server exactly those keys are deleted afterwards.
 */
public final class TestRedis {

    private static final String SCAN_PAGE_SIZE = "1000";

    private final RedisEndpoint endpoint;
    private final String keyPrefix;
    private final boolean external;

    TestRedis(RedisEndpoint endpoint, String keyPrefix, boolean external) {
        this.endpoint = endpoint;
        this.keyPrefix = keyPrefix;
        this.external = external;
    }

    /** {@code redis://[[user]:password@]host:port/db}, ready for a Redis client. */
    public String uri() {
        return endpoint.uri();
    }

    /** A prefix unique to this test, like {@code test:1a2b3c4d:}, for every key the test creates. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /**
     * Whether this is an external server from {@code TEST_REDIS_URL}: other tests' and other
     * people's keys may be present, and the keyspace is never flushed.
     */
    public boolean external() {
        return external;
    }

    /**
     * Counts keys matching a glob pattern with SCAN, so it is safe on a busy server. The pattern is
     * used as-is: pass {@code keyPrefix() + "*"} to count only this test's keys.
     */
    public long countKeys(String pattern) {
        Set<String> matches = new HashSet<>();
        scan(pattern, (connection, keys) -> matches.addAll(keys));
        return matches.size();
    }

    /**
     * Sends one command over a fresh connection (authenticated, on the right database) and returns
     * the reply as text: strings and integers as-is, nil as {@code null}, arrays joined by newlines.
     *
     * @throws IllegalStateException if Redis answers with an error
     * @throws UncheckedIOException if the server cannot be reached or does not answer within 5 seconds
     */
    public String command(String... args) {
        return RespConnection.oneShot(endpoint, args);
    }

    @Override
    public String toString() {
        return "TestRedis[" + endpoint.redactedUri() + ", prefix " + keyPrefix + (external ? ", external" : "") + "]";
    }

    /** Deletes every key under this test's prefix and returns how many were removed. */
    long deleteOwnKeys() {
        long[] deleted = {0};
        scan(escapeGlob(keyPrefix) + "*", (connection, keys) -> {
            if (!keys.isEmpty()) {
                List<String> command = new ArrayList<>(keys.size() + 1);
                command.add("UNLINK");
                command.addAll(keys);
                deleted[0] += (Long) connection.send(command.toArray(String[]::new));
            }
        });
        return deleted[0];
    }

    private void scan(String pattern, PageConsumer consumer) {
        try (RespConnection connection = RespConnection.open(endpoint, RespConnection.DEFAULT_TIMEOUT)) {
            String cursor = "0";
            do {
                List<?> reply = (List<?>) connection.send("SCAN", cursor, "MATCH", pattern, "COUNT", SCAN_PAGE_SIZE);
                cursor = (String) reply.get(0);
                consumer.accept(connection, ((List<?>) reply.get(1)).stream().map(String.class::cast).toList());
            } while (!cursor.equals("0"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not SCAN " + endpoint.redactedUri() + ": " + e, e);
        }
    }

    private static String escapeGlob(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    /** Handles one SCAN page; may run further commands on the same connection. */
    @FunctionalInterface
    private interface PageConsumer {
        void accept(RespConnection connection, List<String> keys) throws IOException;
    }
}
