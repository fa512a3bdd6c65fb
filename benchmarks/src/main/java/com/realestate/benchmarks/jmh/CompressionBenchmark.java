package com.realestate.benchmarks.jmh;

import com.realestate.benchmarks.compression.Codecs;
import com.realestate.benchmarks.data.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/** Compress and decompress time of one ~1 KB property record per candidate codec (no Redis involved). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CompressionBenchmark {

    @Param({"LZ4_FAST", "LZ4_HC", "ZSTD_1", "ZSTD_3", "ZSTD_3_DICTIONARY"})
    public Codecs codec;

    private byte[] json;
    private byte[] compressed;
    private byte[] output;

    @Setup
    public void setUp() {
        json = JsonMapper.builder().build().writeValueAsBytes(Properties.sample("tenant-1", 42));
        compressed = codec.compress(json);
        output = new byte[json.length];
    }

    @Benchmark
    public byte[] compress() {
        return codec.compress(json);
    }

    @Benchmark
    public int decompress() {
        return codec.decompress(compressed, output, json.length);
    }
}
