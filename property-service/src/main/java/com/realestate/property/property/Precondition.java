package com.realestate.property.property;

import java.util.List;
import org.springframework.http.ETag;

/**
 * The {@code If-Match} condition of a write: absent (write whatever is current), {@code *} (write if it exists)
 * or a list of entity tags, one of which must be the current one by strong comparison.
 *
 * @param header the raw {@code If-Match} header, {@code null} when the request has none
 * @param tags   the parsed entity tags; empty for an absent header
 */
public record Precondition(String header, List<ETag> tags) {

    /** Copies the tags. */
    public Precondition {
        tags = List.copyOf(tags);
    }

    /** The condition of a request without {@code If-Match}. */
    public static Precondition none() {
        return new Precondition(null, List.of());
    }

    /** The condition of the given {@code If-Match} header, which may be {@code null}. */
    public static Precondition ifMatch(String header) {
        if (header == null) {
            return none();
        }
        return new Precondition(header, ETag.parse(header));
    }

    /** Whether a write may go ahead on the property as it is now. */
    public boolean matches(Property current) {
        if (header == null) {
            return true;
        }
        ETag currentTag = ETag.create(PropertyETag.of(current));
        return tags.stream().anyMatch(tag -> tag.isWildcard() || tag.compare(currentTag, true));
    }
}
