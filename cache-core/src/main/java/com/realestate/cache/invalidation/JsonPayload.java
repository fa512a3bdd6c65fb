package com.realestate.cache.invalidation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, unmodifiable copies of event payloads that admit only JSON values, so that an event means the same after
 * a trip through the stream as before it and nobody can change it under a strategy's feet.
 */
final class JsonPayload {

    private JsonPayload() {
    }

    /** An unmodifiable copy of {@code payload} (insertion order kept, {@code null} values allowed). */
    static Map<String, Object> copy(Map<?, ?> payload) {
        return copyMap("payload", payload);
    }

    private static Map<String, Object> copyMap(String path, Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                throw new MalformedEventException(path, "keys must be strings, found " + describe(entry.getKey()));
            }
            copy.put(name, copyValue(path + "." + name, entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object copyValue(String path, Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case Integer number -> number;
            case Long number -> number;
            case Short number -> number;
            case Byte number -> number;
            case BigInteger number -> number;
            case BigDecimal number -> number;
            case Double number when Double.isFinite(number) -> number;
            case Float number when Float.isFinite(number) -> number;
            case Map<?, ?> map -> copyMap(path, map);
            case List<?> list -> copyList(path, list);
            default -> throw new MalformedEventException(path, describe(value) + " is not a JSON value"
                    + " (use strings, numbers, booleans, null, lists and maps)");
        };
    }

    private static List<Object> copyList(String path, List<?> list) {
        List<Object> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            copy.add(copyValue(path + "[" + i + "]", list.get(i)));
        }
        return Collections.unmodifiableList(copy);
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getName() + " (" + value + ")";
    }
}
