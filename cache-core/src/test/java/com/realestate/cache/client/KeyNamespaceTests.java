package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.realestate.cache.key.ClusterSlots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyNamespaceTests {

    private final KeyNamespace keys = new KeyNamespace("realestate:");

    @Test
    void qualifiedKeysCarryThePrefix() {
        assertThat(keys.qualify("property:42")).isEqualTo("realestate:property:42");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "line\nbreak", "nul\u0000byte", "tab\tkey"})
    void unusableKeysAreRefused(String key) {
        assertThatThrownBy(() -> keys.qualify(key)).isInstanceOf(InvalidKeyException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\uD800b", "a\uDC00b", "end\uD83C", "\uDE00start"})
    void keysWithHalfACharacterAreRefusedSoThatTheyCannotShareAnotherKeysEntry(String key) {
        assertThatThrownBy(() -> keys.qualify(key))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("unpaired surrogate");
    }

    @Test
    void keysWithCharactersBeyondTheBasicPlaneAreAccepted() {
        assertThat(keys.qualify("t:{x}:\uD83C\uDFE0")).isEqualTo("realestate:t:{x}:🏠");
    }

    @Test
    void aGroupedKeyKeepsItsGroupsInItsClusterSlot() {
        StoredKey stored = keys.qualify(CacheKey.of("t:{acme}:property:42", "t:{acme}:all", "t:{acme}:lists"));

        assertThat(stored.scriptKeys()).extracting(ClusterSlots::slot).containsOnly(ClusterSlots.slot("{acme}"));
    }

    @Test
    void aGroupInAnotherSlotIsRefusedOnAnyDeploymentWithTheGroupNamed() {
        assertThatThrownBy(() -> keys.qualify(CacheKey.of("t:{acme}:property:42", "t:{acme}:all", "t:{globex}:all")))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("t:{globex}:all").hasMessageContaining("hash tag");
        assertThatThrownBy(() -> keys.qualify(CacheKey.of("property:42", "all-properties")))
                .isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void overlongKeysAreRefusedWithTheirLength() {
        String key = "k".repeat(KeyNamespace.MAX_KEY_LENGTH + 1);

        assertThatThrownBy(() -> keys.qualify(key))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining(String.valueOf(KeyNamespace.MAX_KEY_LENGTH + 1));
        assertThat(keys.qualify("k".repeat(KeyNamespace.MAX_KEY_LENGTH))).hasSize(1024 + "realestate:".length());
    }

    @Test
    void globCharactersOfThePrefixMatchOnlyThemselves() {
        KeyNamespace starry = new KeyNamespace("app*[1]?\\:");

        assertThat(starry.scanPattern("user:*")).isEqualTo("app\\*\\[1\\]\\?\\\\:user:*");
    }

    @Test
    void ownsOnlyKeysUnderThePrefix() {
        assertThat(keys.owns("realestate:property:1")).isTrue();
        assertThat(keys.owns("realestate-archive:property:1")).isFalse();
        assertThat(keys.owns("other:realestate:property:1")).isFalse();
    }
}
