package com.realestate.cache.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyPartTests {

    private static final String ALLOWED = "(?:[A-Za-z0-9._-]|%[0-9A-F]{2})+";

    @ParameterizedTest
    @ValueSource(strings = {"abc", "ABC", "tenant-42", "v1.2_3", "0123456789", "._-"})
    void unreservedCharactersStandForThemselves(String raw) {
        assertThat(KeyPart.encode(raw)).isEqualTo(raw);
    }

    static Stream<Arguments> escapedCharacters() {
        return Stream.of(
                Arguments.of("a:b", "a%3Ab"),
                Arguments.of("*", "%2A"),
                Arguments.of("?", "%3F"),
                Arguments.of("[ab]", "%5Bab%5D"),
                Arguments.of("\\", "%5C"),
                Arguments.of("{x}", "%7Bx%7D"),
                Arguments.of("%", "%25"),
                Arguments.of("%2A", "%252A"),
                Arguments.of("a b", "a%20b"),
                Arguments.of("~/+&=", "%7E%2F%2B%26%3D"),
                Arguments.of("\u0000\t\n\u007F", "%00%09%0A%7F"),
                Arguments.of("é", "%C3%A9"),
                Arguments.of("€", "%E2%82%AC"),
                Arguments.of("😀", "%F0%9F%98%80"));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @MethodSource("escapedCharacters")
    void everyOtherCharacterBecomesItsUtf8BytesInUpperCaseHex(String raw, String encoded) {
        assertThat(KeyPart.encode(raw)).isEqualTo(encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "a*", "[ab]", "?", "\\", "a:b", "{a}", "a}b", "%2A", "ünï", "😀", "  ", "\u0001"})
    void encodingsHoldNoGlobSeparatorOrBraceCharacter(String raw) {
        assertThat(KeyPart.encode(raw)).matches(ALLOWED).doesNotContain("*", "?", "[", "]", "\\", ":", "{", "}");
    }

    @ParameterizedTest(name = "''{0}'' vs ''{1}''")
    @MethodSource("lookalikes")
    void differentValuesGetDifferentEncodings(String one, String other) {
        assertThat(KeyPart.encode(one)).isNotEqualTo(KeyPart.encode(other));
    }

    static Stream<Arguments> lookalikes() {
        return Stream.of(
                Arguments.of("a:b", "a%3Ab"),
                Arguments.of("{x}", "%7Bx%7D"),
                Arguments.of("*", "%2A"),
                Arguments.of("é", "e"),
                Arguments.of("é", "e\u0301"),
                Arguments.of("Acme", "acme"),
                Arguments.of("a", "a "),
                Arguments.of("a.b", "a_b"));
    }

    @Test
    void randomStringsSurviveTheRoundTrip() {
        Random random = new Random(20240611L);
        for (int sample = 0; sample < 5000; sample++) {
            String raw = randomString(random);

            String encoded = KeyPart.encode(raw);

            assertThat(encoded).as("encoding of %s", codePoints(raw)).matches(ALLOWED);
            assertThat(KeyPart.decode(encoded)).as("decoding of %s", encoded).isEqualTo(raw);
        }
    }

    @Test
    void theEncodedLengthIsCountedWithoutEncoding() {
        Random random = new Random(20261202L);
        for (int sample = 0; sample < 5000; sample++) {
            String raw = randomString(random);

            assertThat(KeyPart.encodedLength(raw)).as("length of %s", codePoints(raw))
                    .isEqualTo(KeyPart.encode(raw).length());
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingValuesAreRefusedNamingTheirLabel(String raw) {
        assertThatThrownBy(() -> KeyPart.encode("tenant id", raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tenant id must not be");
    }

    @Test
    void unlabelledMissingValuesAreCalledValue() {
        assertThatThrownBy(() -> KeyPart.encode(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value must not be empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83D", "a\uDE00", "\uDE00\uD83D"})
    void unpairedSurrogatesAreRefusedAsTheyHaveNoUtf8Form(String raw) {
        assertThatThrownBy(() -> KeyPart.encode("property id", raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("property id must be well-formed UTF-16");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a:b", "a b", "é", "%", "%4", "%4G", "%3a", "%41", "%2e", "%C3", "%C0%AF", "%ED%A0%80",
            "%F4%90%80%80"})
    void onlyCanonicalEncodingsAreDecoded(String encoded) {
        assertThatThrownBy(() -> KeyPart.decode(encoded)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomString(Random random) {
        int length = 1 + random.nextInt(24);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> "*?[]\\:{}%._-".charAt(random.nextInt(12));
                case 2 -> 0x80 + random.nextInt(0x800 - 0x80);
                case 3 -> 0x800 + random.nextInt(0xD800 - 0x800);
                case 4 -> 0xE000 + random.nextInt(0x10000 - 0xE000);
                default -> 0x10000 + random.nextInt(Character.MAX_CODE_POINT + 1 - 0x10000);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private static String codePoints(String text) {
        return text.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString();
    }
}
