package com.realestate.cache.key;

import java.nio.charset.StandardCharsets;

/**
 * Redis' glob matching ({@code stringmatchlen} in {@code util.c}, case-sensitive) over UTF-8 bytes, as SCAN MATCH
 * and KEYS apply it: {@code *}, {@code ?}, {@code [...]} with {@code ^} and ranges, and {@code \} escapes.
 */
final class RedisGlob {

    private RedisGlob() {
    }

    static boolean matches(String pattern, String key) {
        return match(pattern.getBytes(StandardCharsets.UTF_8), 0, key.getBytes(StandardCharsets.UTF_8), 0);
    }

    private static boolean match(byte[] pattern, int p, byte[] key, int k) {
        while (p < pattern.length) {
            switch (pattern[p]) {
                case '*' -> {
                    while (p < pattern.length && pattern[p] == '*') {
                        p++;
                    }
                    if (p == pattern.length) {
                        return true;
                    }
                    for (int from = k; from <= key.length; from++) {
                        if (match(pattern, p, key, from)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (k == key.length) {
                        return false;
                    }
                    p++;
                    k++;
                }
                case '[' -> {
                    if (k == key.length) {
                        return false;
                    }
                    p++;
                    boolean negated = p < pattern.length && pattern[p] == '^';
                    if (negated) {
                        p++;
                    }
                    boolean matched = false;
                    while (p < pattern.length && pattern[p] != ']') {
                        if (pattern[p] == '\\' && p + 1 < pattern.length) {
                            matched |= pattern[p + 1] == key[k];
                            p += 2;
                        } else if (p + 2 < pattern.length && pattern[p + 1] == '-') {
                            int low = Math.min(pattern[p] & 0xFF, pattern[p + 2] & 0xFF);
                            int high = Math.max(pattern[p] & 0xFF, pattern[p + 2] & 0xFF);
                            matched |= (key[k] & 0xFF) >= low && (key[k] & 0xFF) <= high;
                            p += 3;
                        } else {
                            matched |= pattern[p] == key[k];
                            p++;
                        }
                    }
                    p++;
                    if (matched == negated) {
                        return false;
                    }
                    k++;
                }
                default -> {
                    if (pattern[p] == '\\' && p + 1 < pattern.length) {
                        p++;
                    }
                    if (k == key.length || pattern[p] != key[k]) {
                        return false;
                    }
                    p++;
                    k++;
                }
            }
        }
        return k == key.length;
    }
}
