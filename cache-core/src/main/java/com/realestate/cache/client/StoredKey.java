package com.realestate.cache.client;

/**
 * A key as stored in Redis, with the Redis keys of its groups' generation tokens: what every script of a
 * grouped key receives as {@code KEYS}, the entry first.
 */
record StoredKey(String entry, String[] groups) {

    static final String[] NO_GROUPS = new String[0];

    String[] scriptKeys() {
        String[] keys = new String[groups.length + 1];
        keys[0] = entry;
        System.arraycopy(groups, 0, keys, 1, groups.length);
        return keys;
    }

    boolean grouped() {
        return groups.length > 0;
    }
}
