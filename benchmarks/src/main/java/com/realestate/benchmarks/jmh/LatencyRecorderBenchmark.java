package com.realestate.benchmarks.jmh;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A bare GET with Lettuce's own command latency recorder on (its default when LatencyUtils is on the class path,
 * as Micrometer puts it) and off (as the cache runs it): what the recorder costs per command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LatencyRecorderBenchmark {

    @Param({"true", "false"})
    public boolean recorder;

    private ClientResources resources;
    private RedisClient client;
    private StatefulRedisConnection<String, byte[]> connection;
    private RedisCommands<String, byte[]> redis;

    @Setup(Level.Trial)
    public void connect(LocalRedis server) {
        ClientResources.Builder builder = ClientResources.builder();
        if (!recorder) {
            builder.commandLatencyRecorder(CommandLatencyRecorder.disabled());
        }
        resources = builder.build();
        client = RedisClient.create(resources, server.uri());
        connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        redis = connection.sync();
        redis.set("value", new byte[1200]);
    }

    @TearDown(Level.Trial)
    public void close() {
        connection.close();
        client.shutdown();
        resources.shutdown();
    }

    @Benchmark
    public byte[] get() {
        return redis.get("value");
    }
}
