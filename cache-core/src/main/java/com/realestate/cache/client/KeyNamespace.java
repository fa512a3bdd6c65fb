package com.realestate.cache.client;

import com.realestate.cache.key.ClusterSlots;

/**
 * Puts every key under the configured prefix and checks it first. The prefix is matched literally in
 * SCAN patterns (its glob characters are escaped), so no pattern a caller passes can reach a key outside it.
 */
final class KeyNamespace {

    /** Longest key or pattern accepted, in characters, not counting the prefix. */
    static final int MAX_KEY_LENGTH = 1024;
    static final String GENERATION_SUFFIX = "\u001Fgeneration";

    private final String prefix;
    private final String escapedPrefix;

    KeyNamespace(String prefix) {
        this.prefix = prefix;
        this.escapedPrefix = escapeGlob(prefix);
    }

    String prefix() {
        return prefix;
    }

    /** The key as stored in Redis: prefix plus the caller's key, after validation. */
    String qualify(String key) {
        requireValid("key", key);
        return prefix.concat(key);
    }

    /**
     * The stored key and the Redis keys of its groups' generation tokens, which must hash to the entry's cluster slot
     * (on one server too, so that code that works there works on a cluster): one script reads them together.
     *
     * @throws InvalidKeyException when a group's token would live in another slot than the entry
     */
    StoredKey qualify(CacheKey key) {
        String entry = qualify(key.key());
        if (key.groups().isEmpty()) {
            return new StoredKey(entry, StoredKey.NO_GROUPS);
        }
        int slot = ClusterSlots.slot(entry);
        String[] groups = new String[key.groups().size()];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = generationKey(key.groups().get(i));
            if (ClusterSlots.slot(groups[i]) != slot) {
                throw new InvalidKeyException("group '" + key.groups().get(i) + "' of key '" + key.key()
                        + "' hashes to another cluster slot than the key; give both the same hash tag, as in"
                        + " 't:{tenant}:property:42' and 't:{tenant}:all'");
            }
        }
        return new StoredKey(entry, groups);
    }

    /**
     * The Redis key of a group's generation token. The unit separator (0x1F) cannot appear in a caller's key, so
     * this key never collides with an entry, and it keeps the group name's hash tag.
     */
    String generationKey(String group) {
        requireValid("group", group);
        return prefix + group + GENERATION_SUFFIX;
    }

    /** A SCAN MATCH pattern that matches the caller's glob only below the prefix. */
    String scanPattern(String pattern) {
        requireValid("pattern", pattern);
        return escapedPrefix.concat(pattern);
    }

    /** {@code true} when a key read back from Redis lies under our prefix. */
    boolean owns(String storedKey) {
        return storedKey.startsWith(prefix);
    }

    /** Escapes Redis glob metacharacters so that {@code text} matches only itself in a SCAN pattern. */
    static String escapeGlob(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static void requireValid(String what, String value) {
        if (value == null) {
            throw new InvalidKeyException(what + " must not be null");
        }
        if (value.isBlank()) {
            throw new InvalidKeyException(what + " must not be blank");
        }
        if (value.length() > MAX_KEY_LENGTH) {
            throw new InvalidKeyException(what + " must be at most " + MAX_KEY_LENGTH + " characters, was "
                    + value.length() + " (starts '" + value.substring(0, 32) + "…')");
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidKeyException(what + " must not contain control characters, found U+"
                        + String.format("%04X", c) + " at index " + i);
            }
            if (Character.getType(c) == Character.SURROGATE) {
                // UTF-8 has no bytes for half a character: it would be sent as '?' and share that key's entry.
                throw new InvalidKeyException(what + " must be valid Unicode, found an unpaired surrogate U+"
                        + String.format("%04X", c) + " at index " + i);
            }
            i += Character.charCount(c);
        }
    }
}
