package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dictionaries a {@link Compression} compresses with and reads are checked when it is made. */
class CompressionTests {

    private final CompressionDictionary current = PayloadCompressorTests.nextDictionary();
    private final CompressionDictionary previous = PayloadCompressorTests.trainedDictionary();

    /** Another dictionary with {@code dictionary}'s id: same header, one byte of content changed. */
    private static CompressionDictionary sameIdOtherContent(CompressionDictionary dictionary) {
        byte[] bytes = dictionary.bytes();
        bytes[bytes.length - 1] ^= 0x01;
        return CompressionDictionary.of(bytes);
    }

    @Test
    void withoutPreviousDictionariesNothingElseIsRead() {
        assertThat(Compression.defaults().previousDictionaries()).isEmpty();
        assertThat(Compression.dictionary(current).previousDictionaries()).isEmpty();
        assertThat(new Compression(512, false, null, null).previousDictionaries()).isEmpty();
    }

    @Test
    void aClientCompressesWithOneDictionaryAndAlsoReadsThePreviousOnes() {
        Compression compression = Compression.dictionary(current).alsoReading(List.of(previous));

        assertThat(compression.dictionary()).isEqualTo(current);
        assertThat(compression.previousDictionaries()).containsExactly(previous);
        assertThat(compression.thresholdBytes()).isEqualTo(Compression.DICTIONARY_THRESHOLD_BYTES);
    }

    @Test
    void thePreviousDictionariesAreACopyThatLaterChangesToTheGivenListDoNotReach() {
        List<CompressionDictionary> given = new ArrayList<>(List.of(previous));
        Compression compression = Compression.dictionary(current).alsoReading(given);

        given.clear();

        assertThat(compression.previousDictionaries()).containsExactly(previous);
        assertThatThrownBy(() -> compression.previousDictionaries().add(current))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void copiesWithOtherSettingsKeepThePreviousDictionaries() {
        Compression compression = Compression.dictionary(current).alsoReading(List.of(previous));

        assertThat(compression.withThresholdBytes(100).previousDictionaries()).containsExactly(previous);
        assertThat(compression.withSetValues(true).previousDictionaries()).containsExactly(previous);
        assertThat(compression.withDictionary(null).previousDictionaries()).containsExactly(previous);
    }

    @Test
    void theSameDictionaryGivenTwiceAsAPreviousOneIsRefusedNamingItsId() {
        assertThatThrownBy(() -> Compression.dictionary(current).alsoReading(List.of(previous, previous)))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("distinct ids")
                .hasMessageContaining(String.valueOf(previous.id()));
    }

    @Test
    void theCurrentDictionaryAmongThePreviousOnesIsRefused() {
        assertThatThrownBy(() -> Compression.dictionary(current).alsoReading(List.of(previous, current)))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("the current dictionary's id is among the previous ones");
    }

    @Test
    void twoDifferentDictionariesSharingAnIdAreRefusedSinceAFrameCouldNotTellThemApart() {
        CompressionDictionary impostor = sameIdOtherContent(previous);

        assertThat(impostor).isNotEqualTo(previous);
        assertThatThrownBy(() -> Compression.dictionary(current).alsoReading(List.of(previous, impostor)))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining(String.valueOf(previous.id()));
        assertThatThrownBy(() -> Compression.dictionary(previous).alsoReading(List.of(impostor)))
                .isInstanceOf(CacheConfigurationException.class);
    }

    @Test
    void aPreviousDictionaryThatIsNullIsRefused() {
        List<CompressionDictionary> withNull = new ArrayList<>();
        withNull.add(null);

        assertThatThrownBy(() -> Compression.dictionary(current).alsoReading(withNull))
                .isInstanceOf(NullPointerException.class);
    }
}
