package com.realestate.property.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strong entity tags for views that have no version of their own (lists, scores, timelines): a hash of the JSON
 * the client receives, so the tag changes exactly when the body does.
 */
@Component
public final class ContentETag {

    private static final int HEX_CHARS = 32;

    private final JsonMapper json;

    /** Tags computed from the JSON that the given mapper writes, which must be the one the API responds with. */
    public ContentETag(JsonMapper json) {
        this.json = json;
    }

    /** The quoted tag of the body: the first 128 bits of the SHA-256 of its JSON. */
    public String of(Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body));
            return "\"" + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
