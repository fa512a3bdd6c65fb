package com.realestate.cache.test;

import java.util.Objects;

/**
 * One redis-server process of a {@link RedisCluster}, known by its cluster node id. Whether it is a master or a
 * replica is not part of it: that changes with failovers, so ask the cluster.
 */
public final class ClusterNode {

    private final RedisServer server;
    private final String id;

    ClusterNode(RedisServer server, String id) {
        this.server = Objects.requireNonNull(server, "server");
        this.id = Objects.requireNonNull(id, "id");
    }

    /** The node id Redis Cluster knows this node by (40 hex characters). */
    public String id() {
        return id;
    }

    /** The loopback port the node listens on. */
    public int port() {
        return server.port();
    }

    /** {@code redis://127.0.0.1:<port>}. */
    public String uri() {
        return server.uri();
    }

    /** The process, to kill, pause or resume it directly. */
    public RedisServer server() {
        return server;
    }

    /** Whether the process is alive and not paused, so that it answers. */
    public boolean answers() {
        return server.isRunning() && !server.isPaused();
    }

    /**
     * Sends one command to this node only (no redirection) and returns the reply as text.
     *
     * @throws IllegalStateException if Redis answers with an error
     */
    public String command(String... args) {
        return server.command(args);
    }

    @Override
    public String toString() {
        return "ClusterNode[" + id.substring(0, 8) + " on " + server + "]";
    }
}
