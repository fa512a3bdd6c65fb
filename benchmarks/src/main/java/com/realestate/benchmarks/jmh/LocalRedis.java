package com.realestate.benchmarks.jmh;

import com.realestate.cache.test.RedisServer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A real redis-server on a free loopback port for one benchmark fork, shared by every peer measured in it, so
 * that the cache, bare Lettuce and Spring Data Redis talk to the same server in the same run.
 */
@State(Scope.Benchmark)
public class LocalRedis {

    private RedisServer server;

    @Setup(Level.Trial)
    public void start() {
        server = RedisServer.start();
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }

    public String uri() {
        return server.uri();
    }

    public String host() {
        return server.host();
    }

    public int port() {
        return server.port();
    }
}
