package com.realestate.benchmarks.compression;

import com.realestate.benchmarks.data.Properties;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the size each candidate compressor makes of 10,000 property records' JSON, next to the plain size:
 * the ratio half of the LZ4-or-zstd choice ({@code CompressionBenchmark} is the speed half).
 */
public final class CompressionRatios {

    private CompressionRatios() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        JsonMapper mapper = JsonMapper.builder().build();
        byte[][] records = new byte[count][];
        long plain = 0;
        for (int i = 0; i < count; i++) {
            records[i] = mapper.writeValueAsBytes(Properties.sample("tenant-" + (i % 20), i));
            plain += records[i].length;
        }
        System.out.printf(Locale.ROOT, "%-10s %10s %8s%n", "codec", "mean bytes", "ratio");
        System.out.printf(Locale.ROOT, "%-10s %10.0f %8.3f%n", "json", plain / (double) count, 1.0);
        for (Codecs codec : Codecs.values()) {
            long compressed = 0;
            for (byte[] record : records) {
                compressed += codec.compress(record).length;
            }
            System.out.printf(Locale.ROOT, "%-10s %10.0f %8.3f%n", codec.name().toLowerCase(Locale.ROOT),
                    compressed / (double) count, compressed / (double) plain);
        }
    }
}
