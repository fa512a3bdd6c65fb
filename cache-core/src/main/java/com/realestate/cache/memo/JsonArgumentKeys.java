package com.realestate.cache.memo;

import com.realestate.cache.key.KeyPart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default key builder: the arguments as canonical JSON (so {@code "1"} and {@code 1} differ, and maps or
 * records give the same key whatever their order), percent-encoded when short and hashed with SHA-256 when long.
 */
final class JsonArgumentKeys implements MemoKeyBuilder {

    static final int MAX_PLAIN_LENGTH = 160;
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    @Override
    public String key(List<?> arguments) {
        String json = CANONICAL.writeValueAsString(arguments);
        String encoded = KeyPart.encode("arguments", json);
        return encoded.length() <= MAX_PLAIN_LENGTH ? encoded : "sha256-" + sha256(json);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
