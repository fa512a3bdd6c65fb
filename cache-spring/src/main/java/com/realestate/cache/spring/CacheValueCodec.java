package com.realestate.cache.spring;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.realestate.cache.client.CacheSerializationException;
import java.math.BigDecimal;
import org.springframework.cache.support.NullValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TreeNode;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.jsontype.impl.DefaultTypeResolverBuilder;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes the values of Spring caches as JSON trees that name their Java types, and reads them back, because
 * Spring asks a cache for a value without saying what type it expects. Only {@link TrustedTypes} are ever
 * instantiated from a stored type name.
 *
 * <p>Values travel to the {@code CacheClient} as {@link JsonNode} trees, which any client's mapper writes and reads
 * as they are: the typed format stays a matter of the Spring caches, and the client keeps the library's plain JSON
 * for everyone else. {@code BigDecimal}s are written as strings so that their scale survives whatever the client's
 * mapper does with floating-point numbers.
 */
final class CacheValueCodec {

    static final String TYPE_PROPERTY = "@class";

    private final JsonMapper mapper;
    private final TrustedTypes trusted;

    CacheValueCodec(TrustedTypes trusted) {
        this.trusted = trusted;
        this.mapper = JsonMapper.builder()
                .setDefaultTyping(new EveryType(trusted))
                .addModule(new SimpleModule("spring-null-value")
                        .addSerializer(NullValue.class, new NullValueSerializer())
                        .addDeserializer(NullValue.class, new NullValueDeserializer()))
                .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
                .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }

    TrustedTypes trusted() {
        return trusted;
    }

    /**
     * The typed JSON tree of a value (or of {@link NullValue}).
     *
     * @throws CacheSerializationException when the value's class is not trusted (it could never be read back) or
     *                                     it cannot be written as JSON
     */
    JsonNode encode(Object value) {
        String type = value.getClass().getName();
        if (!trusted.trusts(type)) {
            throw new CacheSerializationException("cannot cache a " + type + ": its package is not trusted, so it"
                    + " could never be read back; add it to realestate.cache.trusted-packages", null);
        }
        try {
            return mapper.valueToTree(value);
        } catch (JacksonException e) {
            throw new CacheSerializationException("cannot write a " + type + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The value a tree from {@link #encode} stands for.
     *
     * @throws JacksonException when the tree names an untrusted or unknown class, or does not fit it
     */
    Object decode(JsonNode tree) {
        // Through text, not the tree itself: a client mapper may have read floats as BigDecimal nodes, which an
        // untyped read would hand back as BigDecimal where a Double was cached.
        return mapper.readValue(mapper.writeValueAsBytes(tree), Object.class);
    }

    /**
     * Default typing for every non-primitive type, final ones included, so that the root value (a record, a
     * {@code Long}, an enum) carries its type as well; JSON's natural types (String, Boolean, Integer, Double)
     * need none and get none.
     */
    private static final class EveryType extends DefaultTypeResolverBuilder {

        private static final long serialVersionUID = 1L;

        EveryType(TrustedTypes trusted) {
            super(trusted, DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY, JsonTypeInfo.Id.CLASS, TYPE_PROPERTY);
        }

        private EveryType(EveryType base, Class<?> defaultImpl) {
            super(base, defaultImpl);
        }

        @Override
        public DefaultTypeResolverBuilder withDefaultImpl(Class<?> defaultImpl) {
            return _defaultImpl == defaultImpl ? this : new EveryType(this, defaultImpl);
        }

        @Override
        public boolean useForType(JavaType type) {
            return !type.isPrimitive() && !TreeNode.class.isAssignableFrom(type.getRawClass());
        }
    }

    /** Spring's null marker has no properties; it is written as its type alone. */
    private static final class NullValueSerializer extends ValueSerializer<NullValue> {

        @Override
        public void serialize(NullValue value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartObject();
            gen.writeEndObject();
        }

        @Override
        public void serializeWithType(NullValue value, JsonGenerator gen, SerializationContext ctxt,
                                      TypeSerializer typeSer) {
            typeSer.writeTypeSuffix(gen, ctxt, typeSer.writeTypePrefix(gen, ctxt,
                    typeSer.typeId(value, JsonToken.START_OBJECT)));
        }
    }

    /** Reads the marker back as Spring's singleton, whatever properties follow its type. */
    private static final class NullValueDeserializer extends ValueDeserializer<NullValue> {

        @Override
        public NullValue deserialize(JsonParser p, DeserializationContext ctxt) {
            ctxt.readTree(p);
            return (NullValue) NullValue.INSTANCE;
        }
    }
}
