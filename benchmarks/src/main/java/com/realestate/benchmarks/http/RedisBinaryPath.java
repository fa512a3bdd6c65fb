package com.realestate.benchmarks.http;

import com.realestate.cache.test.RedisBinary;

/**
 * Prints the path of the redis-server binary the test harness uses (the one on the {@code PATH}, or the static binary
 * it extracts from {@code org.signal:embedded-redis}), so that {@code run-all.sh} can start and pause a Redis of its
 * own on a machine with none installed.
 */
public final class RedisBinaryPath {

    private RedisBinaryPath() {
    }

    /** Prints the binary's absolute path. */
    public static void main(String[] args) {
        System.out.println(RedisBinary.resolve().toAbsolutePath());
    }
}
