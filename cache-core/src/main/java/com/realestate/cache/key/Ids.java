package com.realestate.cache.key;

/**
 * The checks the opaque ids share, so that their messages read alike. An unpaired surrogate is refused here,
 * at construction, because it has no UTF-8 form and so no key; so is an id whose percent-encoded form is too long
 * for every key built of it to fit the cache client's limit.
 */
final class Ids {

    private Ids() {
    }

    static void requireValid(String label, String value, int maxLength, int maxEncodedLength) {
        if (value == null) {
            throw new IllegalArgumentException(label + " must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(label + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(label + " must be at most " + maxLength + " characters, was "
                    + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(label + " must be well-formed UTF-16, found an unpaired surrogate U+"
                        + String.format("%04X", (int) c) + " at index " + i);
            }
        }
        int encodedLength = KeyPart.encodedLength(value);
        if (encodedLength > maxEncodedLength) {
            throw new IllegalArgumentException(label + " must be at most " + maxEncodedLength
                    + " characters once percent-encoded for a key, was " + encodedLength);
        }
    }
}
