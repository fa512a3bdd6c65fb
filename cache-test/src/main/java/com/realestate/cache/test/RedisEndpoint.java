package com.realestate.cache.test;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where a Redis server lives and how to log in, parsed from a {@code redis://} URL so the raw
 * client and the URI handed to tests agree.
 *
 * @param username ACL user, or {@code null} for the default user
 * @param password password, or {@code null} when the server needs no AUTH
 */
record RedisEndpoint(String host, int port, int database, String username, String password) {

    static final int DEFAULT_PORT = 6379;

    /** Parses {@code redis://[[username]:password@]host[:port][/database]}. */
    static RedisEndpoint parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid Redis URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("rediss")) {
            throw new IllegalArgumentException("TLS (rediss://) is not supported by the test harness: " + redact(uri));
        }
        if (!scheme.equals("redis") || uri.getHost() == null) {
            throw new IllegalArgumentException("Expected redis://[[user]:password@]host[:port][/db], got " + redact(uri));
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String username = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            int colon = uri.getUserInfo().indexOf(':');
            username = colon <= 0 ? null : uri.getUserInfo().substring(0, colon);
            password = uri.getUserInfo().substring(colon + 1);
        }
        return new RedisEndpoint(host, port, parseDatabase(uri), username, password);
    }

    static RedisEndpoint local(String host, int port) {
        return new RedisEndpoint(host, port, 0, null, null);
    }

    /** The URL clients should use, credentials included. */
    String uri() {
        String userInfo = "";
        if (password != null) {
            userInfo = (username == null ? "" : encode(username)) + ":" + encode(password) + "@";
        }
        return "redis://" + userInfo + hostForUri() + ":" + port + "/" + database;
    }

    /** The URL with the password masked, for messages and logs. */
    String redactedUri() {
        String userInfo = password == null ? "" : (username == null ? "" : encode(username)) + ":***@";
        return "redis://" + userInfo + hostForUri() + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return redactedUri();
    }

    private String hostForUri() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static int parseDatabase(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.isEmpty() || path.equals("/")) {
            return 0;
        }
        int database;
        try {
            database = Integer.parseInt(path.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Redis URL path must be a database number, got '" + path + "' in " + redact(uri), e);
        }
        if (database < 0) {
            throw new IllegalArgumentException("Redis database number must not be negative, got " + database + " in " + redact(uri));
        }
        return database;
    }

    private static String redact(URI uri) {
        return uri.getRawUserInfo() == null ? uri.toString() : uri.toString().replace(uri.getRawUserInfo(), "***");
    }

    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
