package com.realestate.property.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@code DATABASE_URL} of the environment, read as a JDBC URL with the user and password taken out of it.
 * Accepts {@code jdbc:postgresql://[user[:password]@]host[:port]/db[?params]} (user and password may also be the
 * usual {@code user=}/{@code password=} parameters, which the driver reads itself) and the common
 * {@code postgres://user:password@host:port/db} form.
 *
 * @param jdbcUrl  the URL for the driver, without user information
 * @param username the user from the URL, or {@code null}
 * @param password the password from the URL, or {@code null}
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    private static final String JDBC_PREFIX = "jdbc:";

    /** Validates that the URL is a PostgreSQL JDBC URL. */
    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("DATABASE_URL must be a PostgreSQL URL, was " + redacted(jdbcUrl));
        }
    }

    /**
     * Reads a {@code DATABASE_URL}.
     *
     * @throws IllegalArgumentException when it is not a PostgreSQL URL in one of the accepted forms
     */
    public static DatabaseUrl parse(String url) {
        String text = Objects.requireNonNull(url, "DATABASE_URL").strip();
        String withoutJdbc = text.startsWith(JDBC_PREFIX) ? text.substring(JDBC_PREFIX.length()) : text;
        URI uri;
        try {
            uri = new URI(withoutJdbc);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("DATABASE_URL is malformed: " + redacted(text), e);
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw new IllegalArgumentException("DATABASE_URL must start with jdbc:postgresql://, postgresql:// or"
                    + " postgres://, was " + redacted(text));
        }
        if (uri.getRawUserInfo() == null) {
            return new DatabaseUrl(JDBC_PREFIX + "postgresql:" + uri.getRawSchemeSpecificPart(), null, null);
        }
        String[] userInfo = uri.getRawUserInfo().split(":", 2);
        String authority = uri.getRawAuthority().substring(uri.getRawUserInfo().length() + 1);
        String rest = (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new DatabaseUrl(JDBC_PREFIX + "postgresql://" + authority + rest, decode(userInfo[0]),
                userInfo.length > 1 ? decode(userInfo[1]) : null);
    }

    /** The URL with any password replaced, for messages and logs. */
    public static String redacted(String url) {
        return url.replaceAll("(//[^:/@]*:)[^@/]*@", "$1****@").replaceAll("(?i)(password=)[^&]*", "$1****");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + redacted(jdbcUrl) + ", user=" + username + "]";
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
