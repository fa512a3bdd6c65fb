package com.realestate.cache.key;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Percent-encodes a variable part of a key (a tenant, an id, a filter value) so that it holds only
 * {@code [A-Za-z0-9._-]} and {@code %XX} escapes. No value can then smuggle a glob character, a {@code :}
 * separator or a hash-tag brace into a key, and the encoding is injective and exactly reversible.
 *
 * <p>Every other character is written as the UTF-8 bytes of its code point, each as {@code %} and two
 * upper-case hex digits. The encoding is canonical: {@link #decode(String)} accepts only what
 * {@link #encode(String)} can produce, so {@code encode(decode(s))} equals {@code s}.
 */
public final class KeyPart {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private KeyPart() {
    }

    /** Encodes {@code raw}; the same as {@link #encode(String, String)} with the label {@code "value"}. */
    public static String encode(String raw) {
        return encode("value", raw);
    }

    /**
     * Encodes {@code raw}, naming it {@code label} (for example {@code "tenant id"}) in the message when it
     * is null, empty or not well-formed UTF-16 (an unpaired surrogate has no UTF-8 form).
     *
     * @throws IllegalArgumentException when {@code raw} is null, empty or has an unpaired surrogate
     */
    public static String encode(String label, String raw) {
        Objects.requireNonNull(label, "label");
        if (raw == null) {
            throw new IllegalArgumentException(label + " must not be null");
        }
        if (raw.isEmpty()) {
            throw new IllegalArgumentException(label + " must not be empty");
        }
        StringBuilder encoded = new StringBuilder(raw.length() + 16);
        byte[] utf8 = new byte[4];
        for (int i = 0; i < raw.length(); ) {
            int codePoint = raw.codePointAt(i);
            if (Character.getType(codePoint) == Character.SURROGATE) {
                throw new IllegalArgumentException(label + " must be well-formed UTF-16, found an unpaired surrogate U+"
                        + String.format("%04X", codePoint) + " at index " + i);
            }
            if (isUnreserved(codePoint)) {
                encoded.append((char) codePoint);
            } else {
                int length = utf8(codePoint, utf8);
                for (int b = 0; b < length; b++) {
                    encoded.append('%').append(HEX[(utf8[b] >> 4) & 0xF]).append(HEX[utf8[b] & 0xF]);
                }
            }
            i += Character.charCount(codePoint);
        }
        return encoded.toString();
    }

    /**
     * How many characters {@link #encode(String)} makes of {@code raw}, without building them: three per UTF-8
     * byte of every character that is escaped. {@code raw} must be well-formed UTF-16.
     */
    public static int encodedLength(String raw) {
        int length = 0;
        for (int i = 0; i < raw.length(); ) {
            int codePoint = raw.codePointAt(i);
            length += isUnreserved(codePoint) ? 1 : 3 * utf8Length(codePoint);
            i += Character.charCount(codePoint);
        }
        return length;
    }

    /**
     * Reverses {@link #encode(String)}. Only canonical encodings are accepted: upper-case hex, no escape for
     * a character that needs none, and escapes that form well-formed UTF-8.
     *
     * @throws IllegalArgumentException when {@code encoded} is null, empty or not a canonical encoding
     */
    public static String decode(String encoded) {
        if (encoded == null) {
            throw new IllegalArgumentException("encoded key part must not be null");
        }
        if (encoded.isEmpty()) {
            throw new IllegalArgumentException("encoded key part must not be empty");
        }
        byte[] bytes = new byte[encoded.length()];
        int length = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (isUnreserved(c)) {
                bytes[length++] = (byte) c;
            } else if (c == '%') {
                int value = escapedByte(encoded, i);
                if (isUnreserved(value)) {
                    throw invalid(encoded, "escape %" + encoded.substring(i + 1, i + 3) + " at index " + i
                            + " stands for '" + (char) value + "', which is never escaped");
                }
                bytes[length++] = (byte) value;
                i += 2;
            } else {
                throw invalid(encoded, "character '" + c + "' at index " + i + " is neither allowed nor escaped");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalid(encoded, "the escapes do not form well-formed UTF-8");
        }
    }

    /** {@code true} for the characters that stand for themselves: {@code [A-Za-z0-9._-]}. */
    static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    private static int escapedByte(String encoded, int percentIndex) {
        if (percentIndex + 2 >= encoded.length()) {
            throw invalid(encoded, "escape at index " + percentIndex + " needs two hex digits");
        }
        int high = upperHexDigit(encoded.charAt(percentIndex + 1));
        int low = upperHexDigit(encoded.charAt(percentIndex + 2));
        if (high < 0 || low < 0) {
            throw invalid(encoded, "escape at index " + percentIndex + " needs two upper-case hex digits, found '"
                    + encoded.substring(percentIndex, percentIndex + 3) + "'");
        }
        return high << 4 | low;
    }

    private static int upperHexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    private static int utf8(int codePoint, byte[] out) {
        if (codePoint < 0x80) {
            out[0] = (byte) codePoint;
            return 1;
        }
        if (codePoint < 0x800) {
            out[0] = (byte) (0xC0 | codePoint >> 6);
            out[1] = (byte) (0x80 | codePoint & 0x3F);
            return 2;
        }
        if (codePoint < 0x10000) {
            out[0] = (byte) (0xE0 | codePoint >> 12);
            out[1] = (byte) (0x80 | codePoint >> 6 & 0x3F);
            out[2] = (byte) (0x80 | codePoint & 0x3F);
            return 3;
        }
        out[0] = (byte) (0xF0 | codePoint >> 18);
        out[1] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        out[2] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        out[3] = (byte) (0x80 | codePoint & 0x3F);
        return 4;
    }

    private static IllegalArgumentException invalid(String encoded, String reason) {
        String shown = encoded.length() <= 64 ? encoded : encoded.substring(0, 64) + "…";
        return new IllegalArgumentException("not an encoded key part: '" + shown + "': " + reason);
    }
}
