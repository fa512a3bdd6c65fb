package com.realestate.cache.key;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The filters of the property list endpoint, normalised at construction so that two queries that ask for the
 * same page are equal and share one cache key ({@link #hash()}). Because the query the service runs is this
 * normalised one, the key always describes exactly what was fetched.
 *
 * <p>Normalisation: blank text filters are absent; city is trimmed and lower-cased ({@link Locale#ROOT}); status
 * and type are trimmed; prices lose trailing zeros ({@code 100000.00} becomes {@code 100000}). Every filter but
 * page and size is optional and {@code null} when absent.
 *
 * @param city        the city, case-insensitive; {@code null} for any
 * @param status      the listing status, such as {@code FOR_SALE}; {@code null} for any
 * @param type        the property type; {@code null} for any
 * @param minPrice    the lowest price, not negative; {@code null} for no bound
 * @param maxPrice    the highest price, not negative; {@code null} for no bound
 * @param minBedrooms the fewest bedrooms, not negative; {@code null} for no bound
 * @param sort        one of {@code price}, {@code -price}, {@code createdAt}, {@code -createdAt}; {@code null}
 *                    for the endpoint's default order
 * @param page        the page number, from 0
 * @param size        the page size, 1 to {@value #MAX_SIZE}
 */
public record ListQuery(
        String city,
        String status,
        String type,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        Integer minBedrooms,
        String sort,
        int page,
        int size) {

    /** Page size when none is asked for. */
    public static final int DEFAULT_SIZE = 20;

    /** Largest page size accepted. */
    public static final int MAX_SIZE = 100;

    /** The sort orders the endpoint offers; a leading {@code -} means descending. */
    public static final Set<String> SORTS = Set.of("price", "-price", "createdAt", "-createdAt");

    private static final int MAX_INTEGER_DIGITS = 20;
    private static final int MAX_FRACTION_DIGITS = 10;
    private static final int HASH_HEX_CHARS = 32;
    private static final Set<String> PARAMETERS = Set.of(
            "city", "status", "type", "minPrice", "maxPrice", "minBedrooms", "sort", "page", "size");

    /**
     * Normalises and validates the filters.
     *
     * @throws IllegalArgumentException naming the field, when a number is out of range or the sort is unknown
     */
    public ListQuery {
        city = blankToNull(city);
        city = city == null ? null : city.toLowerCase(Locale.ROOT);
        status = blankToNull(status);
        type = blankToNull(type);
        minPrice = normalisedPrice("minPrice", minPrice);
        maxPrice = normalisedPrice("maxPrice", maxPrice);
        if (minBedrooms != null && minBedrooms < 0) {
            throw new IllegalArgumentException("minBedrooms must not be negative, was " + minBedrooms);
        }
        sort = blankToNull(sort);
        if (sort != null && !SORTS.contains(sort)) {
            throw new IllegalArgumentException("sort must be one of price, -price, createdAt, -createdAt, was '"
                    + sort + "'");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative, was " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", was " + size);
        }
    }

    /** A builder starting from no filters, page 0 and the default size. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the query from request parameters, in any order. A parameter with no value or a blank one is absent;
     * page and size default to 0 and {@value #DEFAULT_SIZE}.
     *
     * @throws IllegalArgumentException naming the parameter, when it is unknown, repeated or not a valid number
     */
    public static ListQuery fromParameters(Map<String, List<String>> parameters) {
        Builder builder = builder();
        parameters.forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown list parameter '" + name + "'");
            }
            String value = singleValue(name, values);
            if (value == null) {
                return;
            }
            switch (name) {
                case "city" -> builder.city(value);
                case "status" -> builder.status(value);
                case "type" -> builder.type(value);
                case "minPrice" -> builder.minPrice(parseDecimal(name, value));
                case "maxPrice" -> builder.maxPrice(parseDecimal(name, value));
                case "minBedrooms" -> builder.minBedrooms(parseInt(name, value));
                case "sort" -> builder.sort(value);
                case "page" -> builder.page(parseInt(name, value));
                case "size" -> builder.size(parseInt(name, value));
                default -> throw new IllegalStateException("parameter '" + name + "' is known but not read");
            }
        });
        return builder.build();
    }

    /**
     * The normalised text of the query: {@code name=value} pairs sorted by name and joined by {@code &}, each
     * value {@linkplain KeyPart#encode(String) encoded}, absent filters left out, page and size always present.
     */
    public String canonicalForm() {
        TreeMap<String, String> pairs = new TreeMap<>();
        putIfPresent(pairs, "city", city);
        putIfPresent(pairs, "status", status);
        putIfPresent(pairs, "type", type);
        putIfPresent(pairs, "minPrice", minPrice == null ? null : minPrice.toPlainString());
        putIfPresent(pairs, "maxPrice", maxPrice == null ? null : maxPrice.toPlainString());
        putIfPresent(pairs, "minBedrooms", minBedrooms == null ? null : minBedrooms.toString());
        putIfPresent(pairs, "sort", sort);
        pairs.put("page", Integer.toString(page));
        pairs.put("size", Integer.toString(size));
        StringJoiner joined = new StringJoiner("&");
        pairs.forEach((name, value) -> joined.add(name + "=" + KeyPart.encode(name, value)));
        return joined.toString();
    }

    /** The first 32 lower-case hex chars (128 bits) of the SHA-256 of {@link #canonicalForm()} in UTF-8. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalForm().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static BigDecimal normalisedPrice(String field, BigDecimal price) {
        if (price == null) {
            return null;
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + price);
        }
        BigDecimal stripped = price.stripTrailingZeros();
        long integerDigits = (long) stripped.precision() - stripped.scale();
        if (integerDigits > MAX_INTEGER_DIGITS || stripped.scale() > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException(field + " must have at most " + MAX_INTEGER_DIGITS
                    + " digits before the point and " + MAX_FRACTION_DIGITS + " after it, was " + price);
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void putIfPresent(Map<String, String> pairs, String name, String value) {
        if (value != null) {
            pairs.put(name, value);
        }
    }

    private static String singleValue(String name, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new IllegalArgumentException("list parameter '" + name + "' must be given at most once, was given "
                    + values.size() + " times");
        }
        String value = values.get(0);
        return value == null || value.isBlank() ? null : value;
    }

    private static BigDecimal parseDecimal(String name, String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a decimal number, was '" + value + "'", e);
        }
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }

    /** Collects the filters of a {@link ListQuery}; every setter accepts {@code null} for an absent filter. */
    public static final class Builder {

        private String city;
        private String status;
        private String type;
        private BigDecimal minPrice;
        private BigDecimal maxPrice;
        private Integer minBedrooms;
        private String sort;
        private int page;
        private int size = DEFAULT_SIZE;

        private Builder() {
        }

        /** Sets the city filter. */
        public Builder city(String city) {
            this.city = city;
            return this;
        }

        /** Sets the status filter. */
        public Builder status(String status) {
            this.status = status;
            return this;
        }

        /** Sets the property type filter. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Sets the lowest price. */
        public Builder minPrice(BigDecimal minPrice) {
            this.minPrice = minPrice;
            return this;
        }

        /** Sets the highest price. */
        public Builder maxPrice(BigDecimal maxPrice) {
            this.maxPrice = maxPrice;
            return this;
        }

        /** Sets the fewest bedrooms. */
        public Builder minBedrooms(Integer minBedrooms) {
            this.minBedrooms = minBedrooms;
            return this;
        }

        /** Sets the sort order, one of {@link ListQuery#SORTS}. */
        public Builder sort(String sort) {
            this.sort = sort;
            return this;
        }

        /** Sets the page number, from 0. */
        public Builder page(int page) {
            this.page = page;
            return this;
        }

        /** Sets the page size, 1 to {@value ListQuery#MAX_SIZE}. */
        public Builder size(int size) {
            this.size = size;
            return this;
        }

        /**
         * Builds the normalised query.
         *
         * @throws IllegalArgumentException when a filter is out of range, as the record's constructor says
         */
        public ListQuery build() {
            return new ListQuery(city, status, type, minPrice, maxPrice, minBedrooms, sort, page, size);
        }
    }
}
