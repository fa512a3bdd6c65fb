package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PayloadCompressorTests {

    /** zstd without a dictionary from 512 bytes. */
    private final PayloadCompressor compressor = new PayloadCompressor(Compression.defaults().withThresholdBytes(512));

    /** zstd without a dictionary from 64 bytes, for the short listings the dictionary is compared with. */
    private final PayloadCompressor eager = new PayloadCompressor(Compression.defaults().withThresholdBytes(64));

    @AfterEach
    void close() {
        compressor.close();
        eager.close();
    }

    /** Listings that share their field names and vocabulary, as the values of one cache do. */
    static byte[] listing(int seed) {
        Random random = new Random(seed);
        String[] cities = {"Porto", "Lisboa", "Braga", "Faro", "Coimbra"};
        String[] words = {"bright", "terrace", "river view", "renovated", "garage", "quiet street", "metro"};
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            description.append(words[random.nextInt(words.length)]).append(' ');
        }
        return ("{\"id\":\"" + Long.toHexString(random.nextLong()) + "\",\"city\":\"" + cities[random.nextInt(5)]
                + "\",\"price\":" + (100_000 + random.nextInt(900_000)) + ",\"bedrooms\":" + random.nextInt(6)
                + ",\"description\":\"" + description.toString().trim() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** One dictionary trained on listings no test compresses, shared because training takes a while. */
    static CompressionDictionary trainedDictionary() {
        return TrainedDictionary.INSTANCE;
    }

    private static final class TrainedDictionary {
        static final CompressionDictionary INSTANCE = train();

        private static CompressionDictionary train() {
            List<byte[]> samples = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                samples.add(listing(100_000 + i));
            }
            return CompressionDictionary.train(samples, 8 * 1024);
        }
    }

    /** A second dictionary, trained on other listings, so with another id: the next version of the first. */
    static CompressionDictionary nextDictionary() {
        return NextDictionary.INSTANCE;
    }

    private static final class NextDictionary {
        static final CompressionDictionary INSTANCE = dictionaryOfListingsFrom(200_000);
    }

    /** A dictionary trained on 200 listings from the seed {@code firstSeed} on. */
    private static CompressionDictionary dictionaryOfListingsFrom(int firstSeed) {
        List<byte[]> samples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            samples.add(listing(firstSeed + i));
        }
        return CompressionDictionary.train(samples, 4 * 1024);
    }

    /** The dictionary id the frame's header names, 0 for none. */
    private static long dictionaryIdOf(byte[] frame) {
        return PayloadCompressor.FrameHeader.read(frame, 0, frame.length).dictionaryId();
    }

    private static byte[] json(int bytes) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; text.length() < bytes - 40; i++) {
            text.append("{\"city\":\"Porto\",\"rooms\":").append(i % 7).append("},");
        }
        text.setLength(text.length() - 1);
        return text.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] roundTrip(byte[] frame) {
        return roundTrip(compressor, frame);
    }

    private static byte[] roundTrip(PayloadCompressor by, byte[] frame) {
        return by.decompress(frame, 0, frame.length, (bytes, length) -> Arrays.copyOf(bytes, length));
    }

    @Test
    void largeValuesComeBackByteForByte() {
        byte[] json = json(2_000);

        byte[] frame = compressor.compress(json);

        assertThat(frame).isNotNull().hasSizeLessThan(json.length);
        assertThat(roundTrip(frame)).isEqualTo(json);
    }

    @Test
    void valuesBelowTheThresholdStayPlain() {
        PayloadCompressor defaults = new PayloadCompressor(Compression.defaults());
        try {
            assertThat(defaults.compress(json(Compression.DEFAULT_THRESHOLD_BYTES - 1))).isNull();
            assertThat(defaults.compress(json(2 * Compression.DEFAULT_THRESHOLD_BYTES))).isNotNull();
            assertThat(compressor.compress(json(511))).isNull();
        } finally {
            defaults.close();
        }
    }

    @Test
    void theThresholdIsConfigurable() {
        assertThat(eager.compress(json(200))).isNotNull();
        PayloadCompressor off = new PayloadCompressor(Compression.off());
        try {
            assertThat(off.compress(json(100_000))).isNull();
        } finally {
            off.close();
        }
    }

    @Test
    void valuesThatCompressionWouldNotShrinkStayPlain() {
        byte[] noise = new byte[4_000];
        new Random(7).nextBytes(noise);

        assertThat(compressor.compress(noise)).isNull();
    }

    @Test
    void valuesOfEverySizeDecompressIntoTheReusedBuffers() {
        for (int size : new int[] {600, 5_000, 600, 300_000, 600}) {
            byte[] json = json(size);
            assertThat(roundTrip(compressor.compress(json))).isEqualTo(json);
        }
    }

    @Test
    void aDamagedFrameIsACorruptPayloadNotACrash() {
        byte[] frame = compressor.compress(json(3_000));
        byte[] damaged = frame.clone();
        for (int i = 8; i < damaged.length; i += 3) {
            damaged[i] ^= 0x5A;
        }

        assertThatThrownBy(() -> roundTrip(damaged)).isInstanceOf(CorruptPayloadException.class);
    }

    @Test
    void aTruncatedFrameIsACorruptPayload() {
        byte[] frame = compressor.compress(json(3_000));

        assertThatThrownBy(() -> roundTrip(Arrays.copyOf(frame, frame.length / 2)))
                .isInstanceOf(CorruptPayloadException.class);
    }

    @Test
    void bytesThatAreNoFrameAtAllAreACorruptPayload() {
        byte[] json = "{\"not\":\"compressed\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> roundTrip(json)).isInstanceOf(CorruptPayloadException.class);
        assertThatThrownBy(() -> roundTrip(new byte[0])).isInstanceOf(CorruptPayloadException.class);
    }

    @Test
    void aFrameClaimingAnAbsurdSizeIsRefusedBeforeAnythingIsAllocated() {
        byte[] frame = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, (byte) 0xE0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0};

        assertThatThrownBy(() -> roundTrip(frame)).isInstanceOf(CorruptPayloadException.class);
    }

    @Test
    void aFrameStatingMoreThanItsBytesCouldHoldIsRefusedBeforeThatSizeIsAllocated() {
        // 15 bytes that say they hold 384 MiB: zstd makes at most 128 KiB of every 4 bytes (an RLE block).
        byte[] frame = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, (byte) 0xA0, 0, 0, 0, 0x18, 1, 0, 0, 0, 0, 0};
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> roundTrip(frame)).isInstanceOf(CorruptPayloadException.class);

        assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated").isLessThan(1 << 20);
    }

    @Test
    void aFrameAsDenseAsZstdCanMakeOneStillDecompresses() {
        byte[] zeros = new byte[4 << 20];

        assertThat(roundTrip(compressor.compress(zeros))).isEqualTo(zeros);
    }

    @Test
    void aClosedCompressorStillWorksWithoutPooling() {
        compressor.close();
        byte[] json = json(1_000);

        assertThat(roundTrip(compressor.compress(json))).isEqualTo(json);
    }

    @Test
    void aTrainedDictionaryMakesValuesSmallerAndTheyComeBackByteForByte() {
        PayloadCompressor withDictionary = new PayloadCompressor(Compression.dictionary(trainedDictionary()));
        try {
            byte[] json = listing(7);
            byte[] alone = eager.compress(json);
            byte[] frame = withDictionary.compress(json);

            assertThat(frame).hasSizeLessThan(alone.length * 3 / 4);
            assertThat(roundTrip(withDictionary, frame)).isEqualTo(json);
        } finally {
            withDictionary.close();
        }
    }

    @Test
    void aClientWithADictionaryStillReadsFramesCompressedWithoutOne() {
        PayloadCompressor withDictionary = new PayloadCompressor(Compression.dictionary(trainedDictionary()));
        try {
            byte[] json = listing(8);
            byte[] frame = eager.compress(json);

            assertThat(roundTrip(withDictionary, frame)).isEqualTo(json);
        } finally {
            withDictionary.close();
        }
    }

    @Test
    void aFrameNeedingADictionaryThisClientLacksIsACorruptPayload() {
        PayloadCompressor withDictionary = new PayloadCompressor(Compression.dictionary(trainedDictionary()));
        byte[] frame;
        try {
            frame = withDictionary.compress(listing(9));
        } finally {
            withDictionary.close();
        }

        assertThatThrownBy(() -> roundTrip(frame))
                .isInstanceOf(CorruptPayloadException.class)
                .hasMessageContaining("dictionary");
    }

    @Test
    void bytesThatAreNoDictionaryAreRefused() {
        assertThatThrownBy(() -> CompressionDictionary.of(json(2_000)))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("not a zstd dictionary");
    }

    @Test
    void aDictionaryNeedsEnoughSamplesToTrainOn() {
        assertThatThrownBy(() -> CompressionDictionary.train(List.of(listing(1), listing(2)), 8 * 1024))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("samples");
    }

    @Test
    void samplesZstdCannotTrainOnAreAConfigurationError() {
        List<byte[]> tiny = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tiny.add(("{\"a\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> CompressionDictionary.train(tiny, 8 * 1024))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("10 samples");
    }

    @Test
    void aDictionaryCutShortAfterItsHeaderIsRefusedWhenRead() {
        byte[] cut = Arrays.copyOf(trainedDictionary().bytes(), 64);

        assertThatThrownBy(() -> CompressionDictionary.of(cut))
                .isInstanceOf(CacheConfigurationException.class)
                .hasMessageContaining("64 bytes");
    }

    @Test
    void aSavedDictionaryIsTheSameDictionaryWhenReadBack() {
        CompressionDictionary trained = trainedDictionary();

        CompressionDictionary reloaded = CompressionDictionary.of(trained.bytes());

        assertThat(reloaded).isEqualTo(trained);
        assertThat(reloaded.id()).isNotZero();
    }

    @Test
    void aClientGivenThePreviousDictionaryReadsFramesCompressedWithIt() {
        PayloadCompressor before = new PayloadCompressor(Compression.dictionary(trainedDictionary()));
        PayloadCompressor after = new PayloadCompressor(
                Compression.dictionary(nextDictionary()).alsoReading(List.of(trainedDictionary())));
        try {
            byte[] json = listing(10);
            byte[] frame = before.compress(json);

            assertThat(dictionaryIdOf(frame)).isEqualTo(trainedDictionary().id());
            assertThat(roundTrip(after, frame)).isEqualTo(json);
        } finally {
            before.close();
            after.close();
        }
    }

    @Test
    void aClientCompressesWithItsCurrentDictionaryAndReadsThoseFramesTooWhenGivenPreviousOnes() {
        PayloadCompressor after = new PayloadCompressor(
                Compression.dictionary(nextDictionary()).alsoReading(List.of(trainedDictionary())));
        try {
            byte[] json = listing(11);
            byte[] frame = after.compress(json);

            assertThat(dictionaryIdOf(frame)).isEqualTo(nextDictionary().id());
            assertThat(roundTrip(after, frame)).isEqualTo(json);
        } finally {
            after.close();
        }
    }

    @Test
    void framesOfEveryReadableDictionaryAndOfNoneAreReadSideBySideByOneClient() {
        PayloadCompressor before = new PayloadCompressor(Compression.dictionary(trainedDictionary()));
        PayloadCompressor after = new PayloadCompressor(
                Compression.dictionary(nextDictionary()).alsoReading(List.of(trainedDictionary())));
        try {
            List<byte[]> values = List.of(listing(12), listing(13), listing(14), listing(15));
            List<byte[]> frames = List.of(before.compress(values.get(0)), after.compress(values.get(1)),
                    eager.compress(values.get(2)), before.compress(values.get(3)));

            for (int i = 0; i < values.size(); i++) {
                assertThat(roundTrip(after, frames.get(i))).as("value %d", i).isEqualTo(values.get(i));
            }
        } finally {
            before.close();
            after.close();
        }
    }

    @Test
    void aClientWithoutADictionaryOfItsOwnReadsFramesOfTheDictionariesItWasGivenToRead() {
        PayloadCompressor withDictionary = new PayloadCompressor(Compression.dictionary(trainedDictionary()));
        PayloadCompressor rolledBack = new PayloadCompressor(
                Compression.defaults().withThresholdBytes(64).alsoReading(List.of(trainedDictionary())));
        try {
            byte[] json = listing(16);
            byte[] frame = withDictionary.compress(json);

            assertThat(roundTrip(rolledBack, frame)).isEqualTo(json);
            assertThat(dictionaryIdOf(rolledBack.compress(json))).isZero();
        } finally {
            withDictionary.close();
            rolledBack.close();
        }
    }

    @Test
    void aFrameOfADictionaryNeitherCurrentNorPreviousIsStillACorruptPayload() {
        PayloadCompressor newer = new PayloadCompressor(Compression.dictionary(nextDictionary()));
        PayloadCompressor older = new PayloadCompressor(Compression.dictionary(trainedDictionary())
                .alsoReading(List.of(dictionaryOfListingsFrom(300_000))));
        byte[] frame;
        try {
            frame = newer.compress(listing(17));
        } finally {
            newer.close();
        }
        try {
            assertThatThrownBy(() -> roundTrip(older, frame))
                    .isInstanceOf(CorruptPayloadException.class)
                    .hasMessageContaining("dictionary " + nextDictionary().id());
        } finally {
            older.close();
        }
    }
}
