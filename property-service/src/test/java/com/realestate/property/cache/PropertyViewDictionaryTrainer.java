package com.realestate.property.cache;

import com.github.luben.zstd.ZstdCompressCtx;
import com.realestate.cache.client.Compression;
import com.realestate.cache.client.CompressionDictionary;
import com.realestate.cache.key.TenantId;
import com.realestate.property.support.TestDatabase;
import com.realestate.property.support.TestServices;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Trains the zstd dictionary the service compresses its cached views with ({@code realestate.cache.compression
 * .dictionary}) on {@link StoredViewSamples}: the detail, list, score and timeline views of listings written into
 * an embedded PostgreSQL, exactly as the cache stores them. The same seed gives the same file. Then it reports how
 * much the dictionary keeps of views of listings it was not trained on (another seed, another tenant). Run by
 * (from the repository root):
 *
 * <pre>{@code
 * ./mvnw -B -q -P train-view-dictionary -pl property-service -am -DskipTests process-test-classes \
 *     [-Dview-dictionary.file=src/main/resources/cache/property-views-v2.zdict] [-Dview-dictionary.seed=...]
 * }</pre>
 *
 * <p>Arguments: the dictionary file to write, and the seed.
 */
final class PropertyViewDictionaryTrainer {

    private static final int TENANTS = 4;
    private static final int LISTINGS_PER_TENANT = 600;
    private static final int LIST_PAGES_PER_TENANT = 40;
    /** cache-core's compression level. */
    private static final int LEVEL = 3;

    private PropertyViewDictionaryTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PropertyViewDictionaryTrainer <dictionary file> <seed>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        try (EmbeddedPostgres postgres = TestDatabase.start();
             ConfigurableApplicationContext service = TestServices.start(TestDatabase.jdbcUrl(postgres),
                     "redis://127.0.0.1:1/0", "--realestate.property-cache.provider=none", "--logging.level.root=WARN")) {
            Map<PropertyView, List<byte[]>> training = new EnumMap<>(PropertyView.class);
            StoredViewSamples samples = new StoredViewSamples(service, seed);
            for (int tenant = 1; tenant <= TENANTS; tenant++) {
                samples.collect(new TenantId("agency-" + tenant), LISTINGS_PER_TENANT, LIST_PAGES_PER_TENANT)
                        .forEach((view, stored) -> training.computeIfAbsent(view, v -> new ArrayList<>()).addAll(stored));
            }
            List<byte[]> all = training.values().stream().flatMap(List::stream).toList();
            CompressionDictionary dictionary = CompressionDictionary.train(all, CompressionDictionary.DEFAULT_SIZE_BYTES);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, dictionary.bytes());
            System.out.printf(Locale.ROOT, "Wrote %s: dictionary %d, %d bytes, trained on %d samples (seed %d)%n",
                    file, dictionary.id(), dictionary.bytes().length, all.size(), seed);
            report("training samples", training, dictionary);
            report("other listings (seed " + (seed + 1) + ")",
                    new StoredViewSamples(service, seed + 1).collect(new TenantId("agency-held-out"), 400, 40),
                    dictionary);
        }
    }

    /**
     * Per view: how many samples, their mean stored size, and what zstd keeps of them alone and with the dictionary
     * (values below the dictionary threshold stay plain, as in the cache).
     */
    private static void report(String title, Map<PropertyView, List<byte[]>> samples, CompressionDictionary dictionary) {
        System.out.println(title + ":");
        try (ZstdCompressCtx alone = new ZstdCompressCtx().setLevel(LEVEL);
             ZstdCompressCtx withDictionary = new ZstdCompressCtx().setLevel(LEVEL).loadDict(dictionary.bytes())) {
            samples.forEach((view, stored) -> {
                long plain = 0;
                long zstd = 0;
                long dictionaryZstd = 0;
                for (byte[] value : stored) {
                    plain += value.length;
                    zstd += Math.min(value.length, alone.compress(value).length);
                    dictionaryZstd += value.length < Compression.DICTIONARY_THRESHOLD_BYTES ? value.length
                            : Math.min(value.length, withDictionary.compress(value).length);
                }
                System.out.printf(Locale.ROOT, "  %-10s samples=%5d mean=%6.0f B  zstd=%.2fx  zstd+dictionary=%.2fx%n",
                        view.name().toLowerCase(Locale.ROOT), stored.size(), plain / (double) Math.max(1, stored.size()),
                        zstd / (double) Math.max(1, plain), dictionaryZstd / (double) Math.max(1, plain));
            });
        }
    }
}
