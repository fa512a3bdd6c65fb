package com.realestate.cache.spring;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.interceptor.SimpleKey;

/**
 * Turns the keys Spring hands a cache (any object) into Redis key strings, injectively: two keys that are not
 * {@code equals} never share a string, so {@code "1"}, {@code 1} and {@code 1L} are three entries, and
 * {@code SimpleKey("a, b", "c")} is not {@code SimpleKey("a", "b, c")}, though both print {@code SimpleKey [a, b, c]}.
 *
 * <p>A plain string is its own key, for readable keys in Redis. Every other form starts with {@code ~} and a type
 * tag ({@code ~l:42}, {@code ~u:<uuid>}, {@code ~k(tenant-7,~l:42)}); a string that itself starts with {@code ~},
 * is blank or holds control characters is written {@code ~s:<percent-escaped>}. Composite parts are separated by
 * commas, with commas and backslashes inside a part escaped. Keys longer than {@value #MAX_LENGTH} characters become
 * {@code ~h:<sha-256>}. Dates are keyed by their class and milliseconds (and a {@code Timestamp}'s nanoseconds), as
 * their {@code toString()} drops the milliseconds. Other objects are written as their class name and
 * {@code toString()}, so they must override it, as for any Redis-backed Spring cache.
 */
final class CacheKeys {

    /** Longest encoded key kept as is; longer ones are hashed, well below the client's 1024-character limit. */
    static final int MAX_LENGTH = 512;
    private static final char TAG = '~';
    private static final @Nullable Field SIMPLE_KEY_PARAMS = simpleKeyParams();

    private CacheKeys() {
    }

    /** The Redis key (below the cache's prefix) for a Spring cache key. */
    static String toKey(Object key) {
        String encoded = encode(key);
        return encoded.length() <= MAX_LENGTH ? encoded : TAG + "h:" + sha256(encoded);
    }

    private static String encode(@Nullable Object key) {
        return switch (key) {
            case null -> TAG + "n";
            case String text -> string(text);
            case Integer value -> TAG + "i:" + value;
            case Long value -> TAG + "l:" + value;
            case Short value -> TAG + "sh:" + value;
            case Byte value -> TAG + "b:" + value;
            case Double value -> TAG + "d:" + value;
            case Float value -> TAG + "f:" + value;
            case BigInteger value -> TAG + "bi:" + value;
            case BigDecimal value -> TAG + "bd:" + value;
            case Boolean value -> TAG + "z:" + value;
            case Character value -> TAG + "c:" + escape(value.toString());
            case UUID value -> TAG + "u:" + value;
            case Enum<?> value -> TAG + "e:" + value.getDeclaringClass().getName() + "." + value.name();
            case Date value -> TAG + "dt:" + value.getClass().getName() + ":" + value.getTime()
                    + (value instanceof Timestamp timestamp ? "." + timestamp.getNanos() : "");
            case Optional<?> value -> composite("opt", value.stream().toList());
            case SimpleKey value -> composite("k", simpleKeyParams(value));
            case List<?> value -> composite("L", value);
            case Set<?> value -> composite("S", sorted(value.stream().map(CacheKeys::encode)));
            case Collection<?> value -> composite("C:" + value.getClass().getName(), value);
            case Map<?, ?> value -> composite("M", sorted(value.entrySet().stream()
                    .map(entry -> composite("e", Arrays.asList(entry.getKey(), entry.getValue())))));
            case Record value -> recordKey(value);
            default -> key.getClass().isArray() ? composite("a", arrayElements(key)) : objectKey(key);
        };
    }

    private static String string(String text) {
        if (text.isBlank() || text.charAt(0) == TAG || text.codePoints().anyMatch(CacheKeys::escaped)) {
            return TAG + "s:" + escape(text);
        }
        return text;
    }

    private static String objectKey(Object key) {
        Class<?> type = key.getClass();
        if (!overridesToString(type)) {
            throw new IllegalArgumentException("Cannot use a " + type.getName() + " as a cache key: it does not"
                    + " override toString(), so equal keys would not map to the same Redis key");
        }
        return TAG + "o:" + type.getName() + ":" + escape(key.toString());
    }

    private static String recordKey(Record key) {
        List<@Nullable Object> parts = new ArrayList<>();
        try {
            for (RecordComponent component : key.getClass().getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                parts.add(accessor.invoke(key));
            }
        } catch (ReflectiveOperationException | RuntimeException inaccessible) {
            return objectKey(key);
        }
        return composite("r:" + key.getClass().getName(), parts);
    }

    private static String composite(String tag, Collection<?> parts) {
        StringBuilder out = new StringBuilder().append(TAG).append(tag).append('(');
        boolean first = true;
        for (Object part : parts) {
            if (!first) {
                out.append(',');
            }
            first = false;
            String encoded = part instanceof EncodedPart already ? already.text() : encode(part);
            for (int i = 0; i < encoded.length(); i++) {
                char c = encoded.charAt(i);
                if (c == ',' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
        }
        return out.append(')').toString();
    }

    /**
     * Escapes {@code %}, control characters and unpaired surrogates (which the client refuses in keys: the last have
     * no UTF-8 form) as {@code %} and four hex digits.
     */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (codePoint == '%' || escaped(codePoint)) {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((char) codePoint));
            } else {
                out.appendCodePoint(codePoint);
            }
        });
        return out.toString();
    }

    /** A control character, or half of a surrogate pair on its own (a code point of its own in the surrogate range). */
    private static boolean escaped(int codePoint) {
        return Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.SURROGATE;
    }

    /** Encoded elements of an unordered collection, sorted, so that equal sets and maps give equal keys. */
    private static List<EncodedPart> sorted(Stream<String> encodings) {
        return encodings.sorted().map(EncodedPart::new).toList();
    }

    private static List<@Nullable Object> arrayElements(Object array) {
        int length = Array.getLength(array);
        List<@Nullable Object> elements = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            elements.add(Array.get(array, i));
        }
        return elements;
    }

    private static List<@Nullable Object> simpleKeyParams(SimpleKey key) {
        if (SIMPLE_KEY_PARAMS == null) {
            return List.of(new EncodedPart(TAG + "o:" + escape(key.toString())));
        }
        try {
            return arrayElements(SIMPLE_KEY_PARAMS.get(key));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("SimpleKey's elements became unreadable", e);
        }
    }

    /**
     * SimpleKey keeps its elements private and its toString() joins them with commas, which is ambiguous; reading
     * the field is the only collision-free way. Null (falling back to toString) if a future Spring renames it.
     */
    private static @Nullable Field simpleKeyParams() {
        try {
            Field params = SimpleKey.class.getDeclaredField("params");
            params.setAccessible(true);
            return params;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static boolean overridesToString(Class<?> type) {
        try {
            return type.getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** A part whose encoding is already done (a sorted element or map entry). */
    private record EncodedPart(String text) {
    }
}
