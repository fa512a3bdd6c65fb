package com.realestate.property.property;

import com.realestate.cache.key.ListQuery;
import com.realestate.property.system.FieldViolation;
import com.realestate.property.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the list endpoint's query string into a {@link ListQuery}, the normalised form that is both the cache key
 * and the SQL filter, and adds the checks that only the service can make: text the database can compare (no NUL
 * or other control character), known status and type names and a price range that is not upside down.
 */
public final class ListQueryParameters {

    /** The query parameters the list endpoint accepts. */
    public static final Set<String> NAMES = Set.of(
            "city", "status", "type", "minPrice", "maxPrice", "minBedrooms", "sort", "page", "size");

    private static final Pattern QUOTED_NAME = Pattern.compile("'([^']*)'");

    private ListQueryParameters() {
    }

    /**
     * The query of the given parameters.
     *
     * @throws InvalidRequestException naming each unknown or invalid parameter
     */
    public static ListQuery parse(Map<String, List<String>> parameters) {
        List<FieldViolation> violations = new ArrayList<>();
        parameters.keySet().stream()
                .filter(name -> !NAMES.contains(name))
                .sorted()
                .forEach(name -> violations.add(new FieldViolation(name, "is not a known list parameter; known: "
                        + NAMES.stream().sorted().toList())));
        parameters.entrySet().stream()
                .filter(parameter -> !parameter.getValue().stream().allMatch(StorableText.Validator::storable))
                .map(Map.Entry::getKey)
                .sorted()
                .forEach(name -> violations.add(new FieldViolation(name,
                        "must not contain control characters or unpaired surrogates")));
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        ListQuery query;
        try {
            query = ListQuery.fromParameters(parameters);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(fieldOf(e.getMessage()), e.getMessage());
        }
        if (query.status() != null && !isEnumName(PropertyStatus.values(), query.status())) {
            violations.add(new FieldViolation("status", "must be one of " + Arrays.toString(PropertyStatus.values())));
        }
        if (query.type() != null && !isEnumName(PropertyType.values(), query.type())) {
            violations.add(new FieldViolation("type", "must be one of " + Arrays.toString(PropertyType.values())));
        }
        if (query.minPrice() != null && query.maxPrice() != null && query.minPrice().compareTo(query.maxPrice()) > 0) {
            violations.add(new FieldViolation("minPrice", "must not be greater than maxPrice"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return query;
    }

    /** {@link ListQuery} names the parameter first, or quoted when it is about the parameter as a whole. */
    private static String fieldOf(String message) {
        String first = message.split(" ", 2)[0];
        if (NAMES.contains(first)) {
            return first;
        }
        Matcher quoted = QUOTED_NAME.matcher(message);
        if (quoted.find() && NAMES.contains(quoted.group(1))) {
            return quoted.group(1);
        }
        return "query";
    }

    private static boolean isEnumName(Enum<?>[] values, String name) {
        return Arrays.stream(values).anyMatch(value -> value.name().equals(name));
    }
}
