package com.realestate.cache.client;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * What every cache view of one client shares: the guarded connection, the JSON codec and the compressor, the
 * meter registry and the meters of each cache name, the clock and the loads running in this process. The client built by {@link CacheClients} owns
 * it and closes it; views never do.
 */
record SharedConnection(CacheSettings settings, GuardedRedis redis, RedisConnector connector, JsonCodec codec,
                        PayloadCompressor compressor, MeterRegistry registry, Clock clock,
                        LoadsInFlight loadsInFlight, MetricsByName metrics) {

    void close() {
        try {
            redis.close();
        } finally {
            compressor.close();
        }
    }
}
