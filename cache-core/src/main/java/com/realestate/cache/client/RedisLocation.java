package com.realestate.cache.client;

import io.lettuce.core.RedisURI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where Redis is, parsed from {@code REDIS_URL}: one server ({@code redis://host:port/db}), or the seed nodes of a
 * cluster ({@code redis://host1:7000,host2:7001,host3:7002}: one scheme and one password for all, hosts separated by
 * commas). A single URL names a cluster when the cluster switch is on. Every seed gets the URL's scheme,
 * credentials and query options; a cluster has only database 0.
 *
 * @param uris    the server, or the seeds of the cluster, in the order given
 * @param cluster {@code true} for a cluster: several seeds, or one with the switch on
 */
record RedisLocation(List<RedisURI> uris, boolean cluster) {

    /** A host name or address, or a bracketed IPv6 address, then an optional port. */
    private static final Pattern HOST_AND_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\[\\]/?#]+)(:\\d{1,5})?");

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
        String credentials = rest.substring(0, at + 1);
        String afterCredentials = rest.substring(at + 1);
        int hostsEnd = firstOf(afterCredentials, '/', '?');
        String hosts = afterCredentials.substring(0, hostsEnd);
        String options = afterCredentials.substring(hostsEnd);
        String scheme = url.substring(0, authorityStart);
        List<RedisURI> uris = new ArrayList<>();
        for (String host : hosts.split(",", -1)) {
            if (host.isBlank()) {
                throw new CacheConfigurationException("REDIS_URL has an empty host in '" + masked(url) + "'");
            }
            if (!HOST_AND_PORT.matcher(host.strip()).matches()) {
                throw new CacheConfigurationException("REDIS_URL is malformed: '" + host.strip()
                        + "' is not host[:port] in '" + masked(url) + "'");
            }
            uris.add(create(scheme + credentials + host.strip() + options, url));
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

    private static RedisURI create(String single, String whole) {
        try {
            RedisURI uri = RedisURI.create(single);
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new IllegalArgumentException("no host");
            }
            return uri;
        } catch (RuntimeException e) {
            throw new CacheConfigurationException("REDIS_URL is malformed: '" + masked(whole) + "'", e);
        }
    }

    private static int firstOf(String text, char first, char second) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == first || text.charAt(i) == second) {
                return i;
            }
        }
        return text.length();
    }

    /** The URL with the credentials replaced by {@code ***}. */
    static String masked(String url) {
        int at = url.lastIndexOf('@');
        int scheme = url.indexOf("://");
        return at > 0 && scheme > 0 && at > scheme ? url.substring(0, scheme + 3) + "***" + url.substring(at) : url;
    }
}
