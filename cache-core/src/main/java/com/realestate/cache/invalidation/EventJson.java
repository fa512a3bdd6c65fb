package com.realestate.cache.invalidation;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * The JSON form of {@link DomainEvent}s, with a mapper of its own so that no application setting changes what
 * travels between services: strict (unknown and duplicate fields, trailing data and type coercions are refused)
 * and exact ({@code BigDecimal} payload values and instants to the nanosecond).
 */
final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, text -> text
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EventJson() {
    }

    static String write(DomainEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    static DomainEvent read(String json) {
        if (json == null) {
            throw new MalformedEventException(null, "no JSON (null)");
        }
        DomainEvent event;
        try {
            event = MAPPER.readValue(json, DomainEvent.class);
        } catch (JacksonException e) {
            throw translate(e);
        }
        if (event == null) {
            throw new MalformedEventException(null, "JSON null is not an event");
        }
        return event;
    }

    private static MalformedEventException translate(JacksonException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException malformed) {
                return malformed;
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new MalformedEventException(unknown.getPropertyName(), "is not a field of an event", e);
        }
        if (e instanceof StreamReadException) {
            return new MalformedEventException(null, "not valid JSON: " + e.getOriginalMessage(), e);
        }
        String field = path(e);
        return new MalformedEventException(field.isEmpty() ? null : field, e.getOriginalMessage(), e);
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
