package com.realestate.benchmarks.compression;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.util.Arrays;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

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

    private static final ThreadLocal<ZstdCompressCtx> COMPRESS = ThreadLocal.withInitial(ZstdCompressCtx::new);
    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESS = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    /** The compressed form of {@code input}. */
    public abstract byte[] compress(byte[] input);

    /** Decompresses into {@code output}, returning the number of bytes written. */
    public abstract int decompress(byte[] compressed, byte[] output, int originalLength);

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
