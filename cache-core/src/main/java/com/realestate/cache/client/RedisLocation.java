package com.realestate.cache.client;

import io.lettuce.core.RedisURI;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where Redis is, parsed from {@code REDIS_URL}: one server ({@code redis://host:port/db}), or the seed nodes of a
 * cluster ({@code redis://host1:7000,host2:7001,host3:7002}: one scheme and one password for all, hosts separated by
 * commas). A single URL names a cluster when the cluster switch is on. Every seed gets the URL's scheme,
 * credentials and query options; a cluster has only database 0.
 * <p>
 * The credentials are everything between {@code ://} and the last {@code @}, since no host can hold one: a
 * generated password keeps its {@code @ # ? / :} unencoded and is read as its writer meant, not as a host. So an
 * {@code @} in a query option must be written {@code %40}. The user name ends at the first {@code :}, and
 * {@code %XX} escapes are decoded as before, so a {@code %} of the password is written {@code %25}. Lettuce parses
 * no string that holds the credentials (its errors quote what they parse), and host and port are set from this
 * parse rather than re-read by Lettuce, which reads some hosts differently ({@code redis_1:6380}).
 *
 * @param uris    the server, or the seeds of the cluster, in the order given
 * @param cluster {@code true} for a cluster: several seeds, or one with the switch on
 */
record RedisLocation(List<RedisURI> uris, boolean cluster) {

    /** A host name or address, or a bracketed IPv6 address, then an optional port. */
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(?::(\\d{1,5}))?");

    /** No path, or {@code /} and an optional database index. */
    private static final Pattern DATABASE_PATH = Pattern.compile("(?:/(\\d{1,9})?)?");

    /** Stands in for the hosts in the URL Lettuce reads the options from; every seed replaces it. */
    private static final String OPTIONS_HOST = "localhost";

    RedisLocation {
        uris = List.copyOf(uris);
    }

    /**
     * @throws CacheConfigurationException naming {@code REDIS_URL} (never its password) when it cannot work
     */
    static RedisLocation parse(String url, boolean clusterSwitch) {
        if (url == null || url.isBlank()) {
            throw new CacheConfigurationException("REDIS_URL must not be blank");
        }
        if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new CacheConfigurationException(
                    "REDIS_URL must start with redis:// or rediss://, was '" + masked(url) + "'");
        }
        int authorityStart = url.indexOf("://") + 3;
        String rest = url.substring(authorityStart);
        if (rest.contains("://")) {
            throw new CacheConfigurationException("REDIS_URL names the scheme once, before all seeds"
                    + " (redis://host1:7000,host2:7001), was '" + masked(url) + "'");
        }
        int at = rest.lastIndexOf('@');
        String afterCredentials = rest.substring(at + 1);
        int hostsEnd = firstOf(afterCredentials, "/?#");
        String hosts = afterCredentials.substring(0, hostsEnd);
        String options = afterCredentials.substring(hostsEnd);
        String path = options.substring(0, firstOf(options, "?#"));
        Matcher database = DATABASE_PATH.matcher(path);
        if (!database.matches()) {
            throw new CacheConfigurationException("REDIS_URL is malformed: '" + path
                    + "' is not /database in '" + masked(url) + "'");
        }
        RedisURI template = authenticated(options(url.substring(0, authorityStart), options, url),
                rest.substring(0, Math.max(at, 0)), url);
        if (database.group(1) != null && Integer.parseInt(database.group(1)) != template.getDatabase()) {
            throw new CacheConfigurationException("REDIS_URL names database " + database.group(1)
                    + " in its path and " + template.getDatabase() + " in its query: '" + masked(url) + "'");
        }
        List<RedisURI> uris = new ArrayList<>();
        for (String seed : hosts.split(",", -1)) {
            String host = seed.strip();
            if (host.isEmpty()) {
                throw new CacheConfigurationException("REDIS_URL has an empty host in '" + masked(url) + "'");
            }
            uris.add(create(template, host, url));
        }
        boolean cluster = clusterSwitch || uris.size() > 1;
        if (cluster && uris.get(0).getDatabase() != 0) {
            throw new CacheConfigurationException("REDIS_URL names database " + uris.get(0).getDatabase()
                    + ", but a Redis Cluster has only database 0: '" + masked(url) + "'");
        }
        return new RedisLocation(uris, cluster);
    }

    /** The one server's URI; for a cluster, the first seed. */
    RedisURI first() {
        return uris.get(0);
    }

    /** Scheme, hosts and (for one server) the database, without credentials: for logs and health details. */
    String forDisplay() {
        RedisURI first = first();
        String hosts = uris.stream().map(uri -> uri.getHost() + ":" + uri.getPort()).collect(Collectors.joining(","));
        return (first.isSsl() ? "rediss://" : "redis://") + hosts + (cluster ? "" : "/" + first.getDatabase());
    }

    /** Scheme, database and query options as Lettuce reads them, from a URL without hosts or credentials. */
    private static RedisURI options(String scheme, String options, String url) {
        try {
            return RedisURI.create(scheme + OPTIONS_HOST + options);
        } catch (RuntimeException e) {
            throw new CacheConfigurationException("REDIS_URL is malformed: Lettuce cannot read the options of '"
                    + masked(url) + "'", e);
        }
    }

    /** Read as Lettuce reads user info: {@code user:password}, {@code :password} or {@code password}. */
    private static RedisURI authenticated(RedisURI options, String credentials, String url) {
        int colon = credentials.indexOf(':');
        String password = decoded(credentials.substring(colon + 1), url);
        if (password.isEmpty()) {
            return options;
        }
        RedisURI.Builder builder = RedisURI.builder(options);
        return (colon > 0 ? builder.withAuthentication(decoded(credentials.substring(0, colon), url), password)
                : builder.withPassword(password)).build();
    }

    private static RedisURI create(RedisURI template, String host, String url) {
        Matcher hostAndPort = HOST_AND_PORT.matcher(host);
        if (!hostAndPort.matches()) {
            throw new CacheConfigurationException("REDIS_URL is malformed: '" + host
                    + "' is not host[:port] in '" + masked(url) + "'");
        }
        int port = hostAndPort.group(2) == null ? RedisURI.DEFAULT_REDIS_PORT : Integer.parseInt(hostAndPort.group(2));
        if (port < 1 || port > 65535) {
            throw new CacheConfigurationException("REDIS_URL is malformed: port " + port + " of '" + host
                    + "' is not between 1 and 65535 in '" + masked(url) + "'");
        }
        RedisURI uri = RedisURI.builder(template).withHost(hostAndPort.group(1)).withPort(port).build();
        if (!hostAndPort.group(1).equals(uri.getHost()) || uri.getPort() != port
                || uri.getDatabase() != template.getDatabase()) {
            throw new CacheConfigurationException("REDIS_URL is malformed: Lettuce reads '" + host + "' as "
                    + uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase() + " in '" + masked(url) + "'");
        }
        return uri;
    }

    /** {@code %XX} escapes decoded as UTF-8, as {@link java.net.URI#getUserInfo()} does; a {@code +} stays. */
    private static String decoded(String text, String url) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int start = 0;
        for (int percent = text.indexOf('%'); percent >= 0; percent = text.indexOf('%', start)) {
            if (percent + 2 >= text.length() || !HexFormat.isHexDigit(text.charAt(percent + 1))
                    || !HexFormat.isHexDigit(text.charAt(percent + 2))) {
                throw new CacheConfigurationException("REDIS_URL has a '%' in its credentials that starts no %XX"
                        + " escape; write a '%' of the password as %25: '" + masked(url) + "'");
            }
            bytes.writeBytes(text.substring(start, percent).getBytes(StandardCharsets.UTF_8));
            bytes.write(HexFormat.fromHexDigits(text, percent + 1, percent + 3));
            start = percent + 3;
        }
        bytes.writeBytes(text.substring(start).getBytes(StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int firstOf(String text, String stops) {
        for (int i = 0; i < text.length(); i++) {
            if (stops.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** The URL with the credentials (everything before the last {@code @}) replaced by {@code ***}. */
    static String masked(String url) {
        int at = url.lastIndexOf('@');
        int scheme = url.indexOf("://");
        return at > 0 && scheme > 0 && at > scheme ? url.substring(0, scheme + 3) + "***" + url.substring(at) : url;
    }
}
