package com.realestate.benchmarks.jmh;

import com.realestate.benchmarks.data.Properties;
import com.realestate.benchmarks.data.Property;
import com.realestate.cache.client.CacheClients;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decoding one ~1.2 KB property record, no Redis: Jackson's defaults (what the bare GET uses) against the cache's
 * default mapper ({@link CacheClients#defaultJsonMapper()}: exact BigDecimal and java.time values, trailing tokens refused).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JsonDecodeBenchmark {

    @Param({"jacksonDefaults", "cacheDefaults"})
    public String mapper;

    private ObjectReader reader;
    private byte[] json;

    @Setup
    public void setUp() {
        JsonMapper chosen = "jacksonDefaults".equals(mapper) ? JsonMapper.builder().build()
                : CacheClients.defaultJsonMapper();
        reader = chosen.readerFor(Property.class);
        json = chosen.writeValueAsBytes(Properties.sample(Records.TENANT, 42));
    }

    @Benchmark
    public Property decode() {
        return reader.readValue(json);
    }
}
