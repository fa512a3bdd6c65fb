package com.realestate.cache.test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Tracks servers that are not closed yet, so one JVM shutdown hook can kill any a test forgot. */
final class LiveServers {

    private static final Set<RedisServer> SERVERS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LiveServers::killAll, "redis-server-reaper"));
    }

    private LiveServers() {
    }

    static void register(RedisServer server) {
        SERVERS.add(server);
    }

    static void unregister(RedisServer server) {
        SERVERS.remove(server);
    }

    /** SIGKILL also ends SIGSTOPped processes, so paused servers need no resume first. */
    private static void killAll() {
        for (RedisServer server : List.copyOf(SERVERS)) {
            server.killNow();
        }
    }
}
