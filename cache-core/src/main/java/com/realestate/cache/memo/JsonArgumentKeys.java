package com.realestate.cache.memo;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.realestate.cache.client.CacheSerializationException;
import com.realestate.cache.key.KeyPart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.WritableTypeId;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;
import tools.jackson.databind.jsontype.TypeIdResolver;
import tools.jackson.databind.jsontype.TypeSerializer;
import tools.jackson.databind.jsontype.impl.DefaultTypeResolverBuilder;
import tools.jackson.databind.jsontype.impl.TypeIdResolverBase;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The default key builder: the arguments as canonical JSON, percent-encoded when short and hashed with SHA-256 when
 * long. Arguments are often declared {@code Object} or an interface, where JSON alone cannot tell {@code 1} from
 * {@code 1L}, {@code "a"} from {@code 'a'} or {@code null} from {@code Optional.empty()}: so wherever the declared
 * type does not fix a value's class, a value that is not a String, Integer, Boolean or finite Double (whose keys are
 * unchanged) is written as {@code [type, json]}. Dates keep their zone ids, and sets and maps are sorted, so that
 * arguments share a key exactly when they are equal (as far as their JSON holds their state). An argument whose
 * JSON holds none of it (an object with no properties) is refused rather than given the key of every other one.
 */
final class JsonArgumentKeys implements MemoKeyBuilder {

    static final int MAX_PLAIN_LENGTH = 160;
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
            .disable(EnumFeature.WRITE_ENUMS_USING_TO_STRING)
            .setDefaultTyping(new RuntimeTypes())
            .addModule(new SimpleModule("memo-keys")
                    .addSerializer(new CollectionSerializer())
                    .addSerializer(new MapSerializer())
                    .addSerializer(new OptionalSerializer()))
            .build();

    /**
     * {@inheritDoc}
     *
     * @throws CacheSerializationException when an argument cannot be written as JSON, or has no properties
     */
    @Override
    public String key(List<?> arguments) {
        String json;
        try {
            json = CANONICAL.writeValueAsString(arguments);
        } catch (JacksonException e) {
            throw new CacheSerializationException("cannot make a memo key of the arguments: " + e.getOriginalMessage(), e);
        }
        json = escapeUnpairedSurrogates(json);
        String encoded = KeyPart.encode("arguments", json);
        return encoded.length() <= MAX_PLAIN_LENGTH ? encoded : "sha256-" + sha256(json);
    }

    /**
     * The JSON with every unpaired surrogate (a string cut between the two halves of a character) written as JSON's
     * backslash-u escape of that same char: only then does it have UTF-8 bytes, and so a key.
     */
    private static String escapeUnpairedSurrogates(String json) {
        StringBuilder escaped = null;
        for (int i = 0; i < json.length(); ) {
            int codePoint = json.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (Character.getType(codePoint) == Character.SURROGATE) {
                if (escaped == null) {
                    escaped = new StringBuilder(json.length() + 16).append(json, 0, i);
                }
                escaped.append(String.format("\\u%04X", codePoint));
            } else if (escaped != null) {
                escaped.append(json, i, next);
            }
            i = next;
        }
        return escaped == null ? json : escaped.toString();
    }

    /** The JSON {@code value} has as an element of a list: what sets and maps are sorted by. */
    private static String canonical(Object value) {
        String list = CANONICAL.writeValueAsString(Collections.singletonList(value));
        return list.substring(1, list.length() - 1);
    }

    /** Equal lists, sets or maps may be of different classes, and an enum constant with a body has its own class. */
    private static String typeId(Class<?> type) {
        if (List.class.isAssignableFrom(type)) {
            return List.class.getName();
        } else if (Set.class.isAssignableFrom(type)) {
            return Set.class.getName();
        } else if (Map.class.isAssignableFrom(type)) {
            return Map.class.getName();
        }
        Class<?> parent = type.getSuperclass();
        return (parent != null && parent.isEnum() ? parent : type).getName();
    }

    /** An argument, element, map value or optional's content: values whose declared type never fixes their class. */
    private static void writeTyped(Object value, JsonGenerator gen, SerializationContext ctxt) {
        switch (value) {
            case null -> gen.writeNull();
            case String text -> gen.writeString(text);
            case Integer number -> gen.writeNumber(number);
            case Boolean flag -> gen.writeBoolean(flag);
            // NaN and the infinities are written as strings, so they keep their type.
            case Double number when Double.isFinite(number) -> gen.writeNumber(number);
            default -> {
                gen.writeStartArray();
                gen.writeString(typeId(value.getClass()));
                ctxt.findContentValueSerializer(value.getClass(), null).serialize(value, gen, ctxt);
                gen.writeEndArray();
            }
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * Types the properties of records and beans that are declared {@code Object}, {@code Number}, an interface…;
     * lists, sets and maps need none, being written by the serializers below whatever their class.
     */
    private static final class RuntimeTypes extends DefaultTypeResolverBuilder {

        private static final long serialVersionUID = 1L;

        RuntimeTypes() {
            // Nothing is ever read back with this mapper, so no type needs to be allowed.
            super(BasicPolymorphicTypeValidator.builder().build(), DefaultTyping.NON_FINAL,
                    JsonTypeInfo.As.WRAPPER_ARRAY);
        }

        private RuntimeTypes(RuntimeTypes base, Class<?> defaultImpl) {
            super(base, defaultImpl);
        }

        @Override
        public DefaultTypeResolverBuilder withDefaultImpl(Class<?> defaultImpl) {
            return _defaultImpl == defaultImpl ? this : new RuntimeTypes(this, defaultImpl);
        }

        @Override
        public boolean useForType(JavaType type) {
            while (type.isArrayType()) {
                type = type.getContentType();
            }
            return !type.isFinal() && !type.isTypeOrSubTypeOf(List.class) && !type.isTypeOrSubTypeOf(Set.class)
                    && !type.isTypeOrSubTypeOf(Map.class);
        }

        @Override
        protected TypeIdResolver idResolver(DatabindContext ctxt, JavaType baseType, PolymorphicTypeValidator validator,
                                            Collection<NamedType> subtypes, boolean forSer, boolean forDeser) {
            return new TypeIdResolverBase() {
                @Override
                public String idFromValue(DatabindContext context, Object value) {
                    return typeId(value.getClass());
                }

                @Override
                public String idFromValueAndType(DatabindContext context, Object value, Class<?> type) {
                    return typeId(type);
                }

                @Override
                public JsonTypeInfo.Id getMechanism() {
                    return JsonTypeInfo.Id.CUSTOM;
                }
            };
        }
    }

    /** A serializer that writes its own brackets, so that the type wrapper goes around them. */
    private abstract static class TypedSerializer<T> extends StdSerializer<T> {

        TypedSerializer(Class<?> type) {
            super(type);
        }

        @Override
        public void serializeWithType(T value, JsonGenerator gen, SerializationContext ctxt, TypeSerializer typeSer) {
            WritableTypeId typeId = typeSer.writeTypePrefix(gen, ctxt,
                    typeSer.typeId(value, JsonToken.VALUE_EMBEDDED_OBJECT));
            serialize(value, gen, ctxt);
            typeSer.writeTypeSuffix(gen, ctxt, typeId);
        }
    }

    /**
     * Elements with their types; a set's in a canonical order, as equal sets (a {@code Set.of} in two JVMs) may
     * iterate differently.
     */
    private static final class CollectionSerializer extends TypedSerializer<Collection<?>> {

        CollectionSerializer() {
            super(Collection.class);
        }

        @Override
        public void serialize(Collection<?> values, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartArray(values, values.size());
            if (values instanceof Set) {
                values.stream().map(JsonArgumentKeys::canonical).sorted().forEach(gen::writeRawValue);
            } else {
                for (Object value : values) {
                    writeTyped(value, gen, ctxt);
                }
            }
            gen.writeEndArray();
        }
    }

    /**
     * Maps keyed by strings as JSON objects; any other map as {@code [[key, value], …]}, since a JSON name cannot
     * tell the key {@code 1} from {@code "1"}. Either sorted by key.
     */
    private static final class MapSerializer extends TypedSerializer<Map<?, ?>> {

        MapSerializer() {
            super(Map.class);
        }

        @Override
        public void serialize(Map<?, ?> map, JsonGenerator gen, SerializationContext ctxt) {
            if (map.keySet().stream().allMatch(String.class::isInstance)) {
                List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
                entries.sort(Comparator.comparing(entry -> (String) entry.getKey()));
                gen.writeStartObject(map, map.size());
                for (Map.Entry<?, ?> entry : entries) {
                    gen.writeName((String) entry.getKey());
                    writeTyped(entry.getValue(), gen, ctxt);
                }
                gen.writeEndObject();
                return;
            }
            record Pair(String key, Object value) {
            }
            List<Pair> pairs = new ArrayList<>(map.size());
            map.forEach((key, value) -> pairs.add(new Pair(canonical(key), value)));
            pairs.sort(Comparator.comparing(Pair::key));
            gen.writeStartArray(map, map.size());
            for (Pair pair : pairs) {
                gen.writeStartArray();
                gen.writeRawValue(pair.key());
                writeTyped(pair.value(), gen, ctxt);
                gen.writeEndArray();
            }
            gen.writeEndArray();
        }
    }

    /** An absent optional as {@code []}, a present one as {@code [value]}: neither is {@code null} nor the value. */
    private static final class OptionalSerializer extends TypedSerializer<Optional<?>> {

        OptionalSerializer() {
            super(Optional.class);
        }

        @Override
        public void serialize(Optional<?> value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartArray();
            if (value.isPresent()) {
                writeTyped(value.get(), gen, ctxt);
            }
            gen.writeEndArray();
        }
    }
}
