package com.realestate.cache.invalidation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to invalidate: keys (each by a fenced {@code invalidate}), groups (each in O(1) by a new generation) and,
 * for maintenance only, everything under the client's prefix. A plain value, so that what could not be done can
 * be kept, stored in an {@link InvalidationOutbox} and retried.
 *
 * @param keys   the caller's keys (without the client prefix), distinct, in order
 * @param groups group names, distinct, in order
 * @param flush  whether every key under the prefix is to be removed ({@link #everything()})
 */
public record Invalidation(List<String> keys, List<String> groups, boolean flush) {

    /** Longest key or group name accepted, as the cache client does. */
    public static final int MAX_NAME_LENGTH = 1024;

    private static final Invalidation NOTHING = new Invalidation(List.of(), List.of(), false);

    /**
     * Validates the names, so that a pending invalidation read back from a database can always be retried.
     *
     * @throws IllegalArgumentException when a name is null, blank, too long or has control characters
     */
    public Invalidation {
        keys = distinct("key", keys);
        groups = distinct("group", groups);
    }

    /** Nothing to do. */
    public static Invalidation nothing() {
        return NOTHING;
    }

    /** These keys and groups. */
    public static Invalidation of(Collection<String> keys, Collection<String> groups) {
        return new Invalidation(List.copyOf(keys), List.copyOf(groups), false);
    }

    /** These keys. */
    public static Invalidation ofKeys(String... keys) {
        return of(List.of(keys), List.of());
    }

    /** These groups. */
    public static Invalidation ofGroups(String... groups) {
        return of(List.of(), List.of(groups));
    }

    /** Every key under the client's prefix: maintenance only, it costs a SCAN of the keyspace. */
    public static Invalidation everything() {
        return new Invalidation(List.of(), List.of(), true);
    }

    /** {@code true} when there is nothing to do. */
    public boolean isEmpty() {
        return keys.isEmpty() && groups.isEmpty() && !flush;
    }

    /** This and {@code other} together. */
    public Invalidation and(Invalidation other) {
        List<String> allKeys = new ArrayList<>(keys);
        allKeys.addAll(other.keys);
        List<String> allGroups = new ArrayList<>(groups);
        allGroups.addAll(other.groups);
        return new Invalidation(allKeys, allGroups, flush || other.flush);
    }

    /** What is left of this once {@code done} has been carried out. */
    public Invalidation without(Invalidation done) {
        Set<String> doneKeys = Set.copyOf(done.keys);
        Set<String> doneGroups = Set.copyOf(done.groups);
        return new Invalidation(
                keys.stream().filter(key -> !doneKeys.contains(key)).toList(),
                groups.stream().filter(group -> !doneGroups.contains(group)).toList(),
                flush && !done.flush);
    }

    private static List<String> distinct(String what, List<String> names) {
        Objects.requireNonNull(names, what + "s");
        Set<String> unique = new LinkedHashSet<>(names.size());
        for (String name : names) {
            unique.add(requireValid(what, name));
        }
        return List.copyOf(unique);
    }

    private static String requireValid(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a " + what + " to invalidate must not be null or blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a " + what + " to invalidate must be at most " + MAX_NAME_LENGTH
                    + " characters, was " + name.length());
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("a " + what + " to invalidate must not contain control characters,"
                        + " found U+" + String.format("%04X", (int) name.charAt(i)) + " at index " + i);
            }
        }
        return name;
    }
}
