package com.realestate.property.system;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a read's body as the API answers it, once, on a cache miss: see {@link RenderedView}. */
@Component
public final class ViewRenderer {

    private final JsonMapper json;

    /** A renderer on the mapper the API responds with, so a rendered body is byte for byte what it would write. */
    public ViewRenderer(JsonMapper json) {
        this.json = json;
    }

    /** The body with a tag of its own, such as a property's version tag. */
    public RenderedView render(Object body, String etag) {
        return new RenderedView(etag, json.writeValueAsString(body));
    }

    /** The body tagged by its content: see {@link ContentETag}. */
    public RenderedView renderWithContentTag(Object body) {
        byte[] bytes = json.writeValueAsBytes(body);
        return new RenderedView(ContentETag.of(bytes), new String(bytes, StandardCharsets.UTF_8));
    }
}
