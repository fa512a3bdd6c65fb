package com.realestate.cache.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.realestate.cache.test.RedisTest;
import com.realestate.cache.test.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Large values are stored zstd-compressed, and every stored form (old, plain, compressed) is read side by side. */
@RedisTest
class CompressionIntegrationTests {

    private static final Duration TTL = Duration.ofMinutes(10);
    /** zstd without a dictionary from 512 bytes, so that the ~1.6 KB listings below are compressed. */
    private static final Compression ZSTD = Compression.defaults().withThresholdBytes(512);

    /** A listing large enough to be compressed under the default threshold. */
    record Listing(String id, String city, List<String> features, String description) {
    }

    private final TestRedis redis;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger loads = new AtomicInteger();
    private final List<CacheClient> clients = new ArrayList<>();
    private RedisClient rawClient;
    private StatefulRedisConnection<String, byte[]> raw;

    CompressionIntegrationTests(TestRedis redis) {
        this.redis = redis;
    }

    @BeforeEach
    void connectRaw() {
        rawClient = RedisClient.create(redis.uri());
        raw = rawClient.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    @AfterEach
    void close() {
        clients.forEach(CacheClient::close);
        raw.close();
        rawClient.shutdown();
    }

    private CacheClient client(Compression compression) {
        CacheClient client = CacheClients.builder().redisUrl(redis.uri()).keyPrefix(redis.keyPrefix())
                .name("cache-" + clients.size()).meterRegistry(meters).compression(compression).build();
        clients.add(client);
        return client;
    }

    private RedisCommands<String, byte[]> rawRedis() {
        return raw.sync();
    }

    private byte[] stored(String key) {
        return rawRedis().get(redis.keyPrefix() + key);
    }

    private static Listing listing(String id, int descriptionWords) {
        StringBuilder description = new StringBuilder();
        for (int i = 0; i < descriptionWords; i++) {
            description.append(i % 3 == 0 ? "bright " : i % 3 == 1 ? "terrace " : "river view ");
        }
        return new Listing(id, "Porto", List.of("balcony", "garage", "elevator"), description.toString().trim());
    }

    private Listing load(Listing value) {
        loads.incrementAndGet();
        return value;
    }

    private double corruptValues() {
        return meters.get(CacheMetrics.ERRORS).tags("cache", "cache-0", "kind", "corrupt_value").counter().count();
    }

    @Test
    void aLargeLoadedValueIsStoredCompressedAndReadBack() {
        CacheClient cache = client(ZSTD);
        Listing big = listing("1", 200);
        byte[] json = new JsonCodec(JsonCodec.defaultMapper()).encode(big);

        cache.getOrLoad("property:1", Listing.class, () -> load(big), TTL);

        CacheEntry entry = CacheEntry.parse(stored("property:1"));
        assertThat(entry.encoding()).isEqualTo(CacheEntry.ZSTD);
        assertThat(entry.payloadLength()).isLessThan(json.length / 2);
        assertThat(cache.get("property:1", Listing.class)).contains(big);
        assertThat(cache.getOrLoad("property:1", Listing.class, () -> load(listing("1", 1)), TTL)).contains(big);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aSmallValueStaysPlainJsonBehindTheHeader() {
        CacheClient cache = client(ZSTD);
        Listing small = listing("2", 3);

        cache.getOrLoad("property:2", Listing.class, () -> load(small), TTL);

        CacheEntry entry = CacheEntry.parse(stored("property:2"));
        assertThat(entry.encoding()).isEqualTo(CacheEntry.JSON);
        assertThat(new String(entry.bytes(), entry.payloadOffset(), entry.payloadLength(), StandardCharsets.UTF_8))
                .startsWith("{\"id\":\"2\"");
        assertThat(cache.get("property:2", Listing.class)).contains(small);
    }

    @Test
    void entriesWrittenBeforeCompressionExistedAreStillServed() {
        CacheClient cache = client(ZSTD);
        Listing big = listing("3", 200);
        byte[] json = new JsonCodec(JsonCodec.defaultMapper()).encode(big);
        byte[] oldEntry = CacheEntry.value("f00d", System.currentTimeMillis() + TTL.toMillis(), 3, "", json);
        rawRedis().psetex(redis.keyPrefix() + "property:3", TTL.toMillis(), oldEntry);

        assertThat(cache.getOrLoad("property:3", Listing.class, () -> load(listing("3", 1)), TTL)).contains(big);
        assertThat(cache.get("property:3", Listing.class)).contains(big);
        assertThat(loads).hasValue(0);
    }

    @Test
    void byDefaultOnlyValuesOfSeveralKilobytesAreCompressed() {
        CacheClient cache = client(Compression.defaults());

        cache.getOrLoad("property:11", Listing.class, () -> load(listing("11", 200)), TTL);
        cache.getOrLoad("list:11", Listing.class, () -> load(listing("list", 800)), TTL);

        assertThat(CacheEntry.parse(stored("property:11")).encoding()).isEqualTo(CacheEntry.JSON);
        assertThat(CacheEntry.parse(stored("list:11")).encoding()).isEqualTo(CacheEntry.ZSTD);
        assertThat(cache.get("list:11", Listing.class)).contains(listing("list", 800));
    }

    @Test
    void largeSetValuesStayPlainJsonUnlessAskedOtherwise() {
        CacheClient plain = client(ZSTD);
        Listing big = listing("4", 200);

        plain.set("property:4", big);

        assertThat(new String(stored("property:4"), StandardCharsets.UTF_8)).startsWith("{\"id\":\"4\"");
        assertThat(plain.get("property:4", Listing.class)).contains(big);
    }

    @Test
    void largeSetValuesAreCompressedWhenAskedAndServedLikePlainOnes() {
        CacheClient cache = client(ZSTD.withSetValues(true));
        Listing big = listing("5", 200);

        cache.set("property:5", big, TTL);

        assertThat(CacheEntry.parse(stored("property:5")).encoding()).isEqualTo(CacheEntry.ZSTD);
        assertThat(cache.get("property:5", Listing.class)).contains(big);
        assertThat(cache.getOrLoad("property:5", Listing.class, () -> load(listing("5", 1)), TTL)).contains(big);
        assertThat(cache.exists("property:5")).isTrue();
        assertThat(cache.ttl("property:5")).isInstanceOf(KeyTtl.Expiring.class);
        assertThat(loads).hasValue(0);
        assertThat(cache.invalidate(CacheKey.of("property:5"))).isEqualTo(DeleteOutcome.DELETED);
        assertThat(cache.get("property:5", Listing.class)).isEmpty();
    }

    @Test
    void aClientWithCompressionOffReadsCompressedValuesOfOthers() {
        CacheClient writer = client(ZSTD);
        CacheClient reader = client(Compression.off());
        Listing big = listing("6", 200);
        writer.getOrLoad("property:6", Listing.class, () -> load(big), TTL);

        assertThat(reader.get("property:6", Listing.class)).contains(big);
        reader.getOrLoad("property:7", Listing.class, () -> load(big), TTL);
        assertThat(CacheEntry.parse(stored("property:7")).encoding()).isEqualTo(CacheEntry.JSON);
    }

    @Test
    void compressedValuesOfGroupedKeysPassTheScriptsAndGroupInvalidation() {
        CacheClient cache = client(ZSTD);
        CacheKey key = CacheKey.of("t:{7}:list:1", "t:{7}:lists");
        Listing big = listing("8", 200);

        cache.getOrLoad(key, Listing.class, () -> load(big), TTL);
        assertThat(cache.getOrLoad(key, Listing.class, () -> load(listing("8", 1)), TTL)).contains(big);
        assertThat(loads).hasValue(1);

        cache.invalidateGroup("t:{7}:lists");

        assertThat(cache.get(key, Listing.class)).isEmpty();
        assertThat(cache.getOrLoad(key, Listing.class, () -> load(listing("8", 150)), TTL)).contains(listing("8", 150));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aCorruptCompressedValueIsACountedMissThatALoadReplaces() {
        CacheClient cache = client(ZSTD);
        Listing big = listing("9", 200);
        cache.getOrLoad("property:9", Listing.class, () -> load(big), TTL);
        byte[] damaged = stored("property:9");
        CacheEntry entry = CacheEntry.parse(damaged);
        for (int i = entry.payloadOffset() + 6; i < damaged.length; i += 2) {
            damaged[i] ^= 0x33;
        }
        rawRedis().psetex(redis.keyPrefix() + "property:9", TTL.toMillis(), damaged);

        assertThat(cache.get("property:9", Listing.class)).isEmpty();
        assertThat(corruptValues()).isEqualTo(1);
        Listing reloaded = listing("9", 180);
        assertThat(cache.getOrLoad("property:9", Listing.class, () -> load(reloaded), TTL)).contains(reloaded);
        assertThat(corruptValues()).isGreaterThanOrEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void valuesCompressedWithADictionaryAreReadByClientsGivenItAndReloadedByOthers() {
        Compression withDictionary = Compression.dictionary(PayloadCompressorTests.trainedDictionary());
        CacheClient writer = client(withDictionary);
        CacheClient sameDictionary = client(withDictionary);
        Listing big = listing("10", 200);
        writer.getOrLoad("property:10", Listing.class, () -> load(big), TTL);

        assertThat(sameDictionary.get("property:10", Listing.class)).contains(big);

        CacheClient withoutDictionary = client(ZSTD);
        assertThat(withoutDictionary.get("property:10", Listing.class)).isEmpty();
        assertThat(withoutDictionary.getOrLoad("property:10", Listing.class, () -> load(big), TTL)).contains(big);
        assertThat(loads).hasValue(2);
        assertThat(withoutDictionary.get("property:10", Listing.class)).contains(big);
    }

    @Test
    void valuesWrittenWithThePreviousDictionaryStayHitsForClientsThatMovedToTheNextOne() {
        CacheClient before = client(Compression.dictionary(PayloadCompressorTests.trainedDictionary()));
        CacheClient after = client(Compression.dictionary(PayloadCompressorTests.nextDictionary())
                .alsoReading(List.of(PayloadCompressorTests.trainedDictionary())));
        Listing big = listing("12", 200);
        before.getOrLoad("property:12", Listing.class, () -> load(big), TTL);

        assertThat(after.getOrLoad("property:12", Listing.class, () -> load(listing("12", 1)), TTL)).contains(big);
        assertThat(loads).hasValue(1);
        assertThat(corruptValues()).isZero();
    }

    @Test
    void valuesOfTheNextDictionaryAreMissesForAClientThatDoesNotHaveItYet() {
        CacheClient before = client(Compression.dictionary(PayloadCompressorTests.trainedDictionary()));
        CacheClient after = client(Compression.dictionary(PayloadCompressorTests.nextDictionary())
                .alsoReading(List.of(PayloadCompressorTests.trainedDictionary())));
        Listing big = listing("13", 200);
        after.getOrLoad("property:13", Listing.class, () -> load(big), TTL);

        assertThat(CacheEntry.parse(stored("property:13")).encoding()).isEqualTo(CacheEntry.ZSTD);
        assertThat(before.get("property:13", Listing.class)).isEmpty();
        assertThat(corruptValues()).isEqualTo(1);
    }
}
