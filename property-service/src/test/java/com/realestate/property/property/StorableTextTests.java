package com.realestate.property.property;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text the database stores as given: no control characters, no half of a surrogate pair. */
class StorableTextTests {

    @Test
    void ordinaryTextOfAnyScriptIsStorable() {
        assertThat(StorableText.Validator.storable("Rua de São Bento 12, 2º Esq.")).isTrue();
        assertThat(StorableText.Validator.storable("東京都 🏠")).isTrue();
        assertThat(StorableText.Validator.storable(null)).isTrue();
    }

    @Test
    void controlCharactersAreNot() {
        assertThat(StorableText.Validator.storable("a\u0000b")).isFalse();
        assertThat(StorableText.Validator.storable("line\nbreak")).isFalse();
        assertThat(StorableText.Validator.storable("tab\t")).isFalse();
        assertThat(StorableText.Validator.storable("\u007F")).isFalse();
        assertThat(StorableText.Validator.storable("\u009B")).isFalse();
    }

    @Test
    void halvesOfSurrogatePairsAreNot() {
        assertThat(StorableText.Validator.storable("1\uD800")).isFalse();
        assertThat(StorableText.Validator.storable("\uDC00x")).isFalse();
        assertThat(StorableText.Validator.storable("\uDC00\uD800")).isFalse();
    }
}
