package com.realestate.property.system;

import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A read's response as the client receives it: its JSON body and its strong entity tag. Reads cache this rather
 * than the domain object, so a cache hit is answered without mapping JSON to objects and back, and without hashing
 * the body again for its tag.
 *
 * @param etag the quoted entity tag
 * @param json the body, JSON as the API's mapper writes it
 */
public record RenderedView(String etag, String json) {

    /** Validates that both parts are present. */
    public RenderedView {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(json, "json");
    }

    /** {@code 200} with the body as {@code application/json}, the tag and {@code Cache-Control: no-cache, private}. */
    public ResponseEntity<String> response() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CachePolicy.revalidatePrivately()).eTag(etag).body(json);
    }
}
