package com.realestate.property.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Strong entity tags for views that have no version of their own (lists, scores, timelines): a hash of the JSON
 * the client receives, so the tag changes exactly when the body does.
 */
public final class ContentETag {

    private static final int HEX_CHARS = 32;

    private ContentETag() {
    }

    /** The quoted tag of a JSON body: the first 128 bits of the SHA-256 of its bytes. */
    public static String of(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return "\"" + HexFormat.of().formatHex(digest).substring(0, HEX_CHARS) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
