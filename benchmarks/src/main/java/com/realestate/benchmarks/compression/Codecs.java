package com.realestate.benchmarks.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.realestate.benchmarks.data.Properties;
import java.util.Arrays;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;
import tools.jackson.databind.json.JsonMapper;

/** The candidate compressors for cache entries, each as one compress and one decompress call on byte arrays. */
public enum Codecs {
    LZ4_FAST {
        private final LZ4Compressor compressor = LZ4Factory.fastestInstance().fastCompressor();
        private final LZ4FastDecompressor decompressor = LZ4Factory.fastestInstance().fastDecompressor();

        @Override
        public byte[] compress(byte[] input) {
            return compressor.compress(input);
        }

        @Override
        public int decompress(byte[] compressed, byte[] output, int originalLength) {
            decompressor.decompress(compressed, 0, output, 0, originalLength);
            return originalLength;
        }
    },
    LZ4_HC {
        private final LZ4Compressor compressor = LZ4Factory.fastestInstance().highCompressor();
        private final LZ4FastDecompressor decompressor = LZ4Factory.fastestInstance().fastDecompressor();

        @Override
        public byte[] compress(byte[] input) {
            return compressor.compress(input);
        }

        @Override
        public int decompress(byte[] compressed, byte[] output, int originalLength) {
            decompressor.decompress(compressed, 0, output, 0, originalLength);
            return originalLength;
        }
    },
    ZSTD_1 {
        @Override
        public byte[] compress(byte[] input) {
            return zstd(input, 1);
        }

        @Override
        public int decompress(byte[] compressed, byte[] output, int originalLength) {
            return unzstd(compressed, output);
        }
    },
    ZSTD_3 {
        @Override
        public byte[] compress(byte[] input) {
            return zstd(input, 3);
        }

        @Override
        public int decompress(byte[] compressed, byte[] output, int originalLength) {
            return unzstd(compressed, output);
        }
    },
    ZSTD_3_NO_CONTEXT {
        @Override
        public byte[] compress(byte[] input) {
            return Zstd.compress(input, 3);
        }

        @Override
        public int decompress(byte[] compressed, byte[] output, int originalLength) {
            return (int) Zstd.decompressByteArray(output, 0, output.length, compressed, 0, compressed.length);
        }
    },
    ZSTD_3_DICTIONARY {
        @Override
        public byte[] compress(byte[] input) {
            ZstdCompressCtx context = DICTIONARY_COMPRESS.get();
            byte[] output = new byte[(int) Zstd.compressBound(input.length)];
            int written = context.compressByteArray(output, 0, output.length, input, 0, input.length);
            return Arrays.copyOf(output, written);
        }

        @Override
        public int decompress(byte[] compressed, byte[] output, int originalLength) {
            return DICTIONARY_DECOMPRESS.get().decompressByteArray(output, 0, output.length, compressed, 0,
                    compressed.length);
        }
    },
    ZSTD_9 {
        @Override
        public byte[] compress(byte[] input) {
            return zstd(input, 9);
        }

        @Override
        public int decompress(byte[] compressed, byte[] output, int originalLength) {
            return unzstd(compressed, output);
        }
    };

    /** A 16 KB dictionary trained on 2,000 records of tenants whose records are never measured. */
    static final byte[] DICTIONARY = train();
    private static final ThreadLocal<ZstdCompressCtx> DICTIONARY_COMPRESS = ThreadLocal.withInitial(() ->
            new ZstdCompressCtx().setLevel(3).setChecksum(false).setContentSize(true)
                    .loadDict(new ZstdDictCompress(DICTIONARY, 3)));
    private static final ThreadLocal<ZstdDecompressCtx> DICTIONARY_DECOMPRESS = ThreadLocal.withInitial(() ->
            new ZstdDecompressCtx().loadDict(new ZstdDictDecompress(DICTIONARY)));
    private static final ThreadLocal<ZstdCompressCtx> COMPRESS = ThreadLocal.withInitial(ZstdCompressCtx::new);
    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    /** The compressed form of {@code input}. */
    public abstract byte[] compress(byte[] input);

    /** Decompresses into {@code output}, returning the number of bytes written. */
    public abstract int decompress(byte[] compressed, byte[] output, int originalLength);

    private static byte[] train() {
        JsonMapper mapper = JsonMapper.builder().build();
        byte[][] samples = new byte[2_000][];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = mapper.writeValueAsBytes(Properties.sample("training-" + (i % 7), 1_000_000 + i));
        }
        byte[] dictionary = new byte[16 * 1024];
        long size = Zstd.trainFromBuffer(samples, dictionary);
        if (Zstd.isError(size)) {
            throw new IllegalStateException("training failed: " + Zstd.getErrorName(size));
        }
        return Arrays.copyOf(dictionary, (int) size);
    }

    private static byte[] zstd(byte[] input, int level) {
        ZstdCompressCtx context = COMPRESS.get();
        context.setLevel(level);
        context.setChecksum(false);
        context.setContentSize(true);
        context.setDictID(false);
        byte[] output = new byte[(int) Zstd.compressBound(input.length)];
        int written = context.compressByteArray(output, 0, output.length, input, 0, input.length);
        return Arrays.copyOf(output, written);
    }

    private static int unzstd(byte[] compressed, byte[] output) {
        return DECOMPRESS.get().decompressByteArray(output, 0, output.length, compressed, 0, compressed.length);
    }
}
