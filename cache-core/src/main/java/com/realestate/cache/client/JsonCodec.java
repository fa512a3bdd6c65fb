package com.realestate.cache.client;

import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns values into JSON bytes and back. Readers are cached per target type because building one costs
 * more than decoding a small record.
 */
final class JsonCodec {

    private final JsonMapper mapper;
    private final ConcurrentHashMap<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    JsonCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The mapper used unless the builder is given another: lossless for {@code BigDecimal} and {@code java.time}
     * values (offsets and zone ids kept), tolerant of fields added to a record after its value was cached, and
     * refusing objects with no properties rather than caching them as an empty {@code {}}.
     */
    static JsonMapper defaultMapper() {
        return JsonMapper.builder()
                .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }

    byte[] encode(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new CacheSerializationException(
                    "cannot write a " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads {@code bytes} as {@code type}.
     *
     * @throws JacksonException when the bytes are not JSON of that type (a value that is not ours, or corrupt)
     */
    <T> T decode(byte[] bytes, Type type) {
        return readerFor(type).readValue(bytes);
    }

    /** As {@link #decode(byte[], Type)}, for JSON that starts {@code offset} bytes into {@code bytes}. */
    <T> T decode(byte[] bytes, int offset, int length, Type type) {
        return readerFor(type).readValue(bytes, offset, length);
    }

    private ObjectReader readerFor(Type type) {
        ObjectReader reader = readers.get(type);
        if (reader == null) {
            reader = readers.computeIfAbsent(type, t -> mapper.readerFor(mapper.getTypeFactory().constructType(t)));
        }
        return reader;
    }
}
