package com.realestate.cache.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Redis Cluster of three masters, each with one replica, on free loopback ports: six redis-server
 * processes formed into a cluster with {@code CLUSTER ADDSLOTSRANGE}, {@code MEET} and {@code REPLICATE} over the
 * harness's own RESP client, so nothing but the server binary is needed. A test can kill or pause a master and
 * wait until its replica has taken over.
 *
 * <p>The nodes time each other out after {@value #NODE_TIMEOUT_MILLIS} ms, so a failover completes within a few
 * seconds; replicas take over however long they were cut off ({@code cluster-replica-validity-factor 0}).
 * Persistence is off. Every process is killed when the cluster is closed, or at the latest when the JVM exits.
 */
public final class RedisCluster implements AutoCloseable {

    /** Number of masters; each has one replica. */
    public static final int MASTERS = 3;
    /** Number of hash slots of a Redis Cluster. */
    public static final int SLOTS = 16384;
    static final long NODE_TIMEOUT_MILLIS = 2000;

    private static final Logger log = LoggerFactory.getLogger(RedisCluster.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration FORM_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FAILOVER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(20);

    private final List<ClusterNode> nodes;
    private boolean closed;

    private RedisCluster(List<ClusterNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Starts six servers, forms the cluster and returns once every node reports {@code cluster_state:ok} and every
     * replica is in sync with its master.
     *
     * @throws IllegalStateException if a server does not start or the cluster does not form within 30 seconds
     */
    public static RedisCluster start() {
        long started = System.nanoTime();
        List<RedisServer> servers = startServers();
        try {
            List<ClusterNode> nodes = new ArrayList<>();
            for (RedisServer server : servers) {
                nodes.add(new ClusterNode(server, server.command("CLUSTER", "MYID")));
            }
            RedisCluster cluster = new RedisCluster(nodes);
            cluster.form();
            log.debug("Formed {} in {} ms", cluster, Duration.ofNanos(System.nanoTime() - started).toMillis());
            return cluster;
        } catch (RuntimeException e) {
            servers.forEach(RedisServer::close);
            throw e;
        }
    }

    private static List<RedisServer> startServers() {
        String[] args = {
            "--cluster-enabled", "yes",
            "--cluster-node-timeout", Long.toString(NODE_TIMEOUT_MILLIS),
            "--cluster-replica-validity-factor", "0",
            "--repl-diskless-sync", "yes",
            "--repl-diskless-sync-delay", "0",
        };
        List<CompletableFuture<RedisServer>> starting = new ArrayList<>();
        for (int i = 0; i < MASTERS * 2; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> RedisServer.start(args)));
        }
        List<RedisServer> servers = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<RedisServer> server : starting) {
            try {
                servers.add(server.join());
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        if (failure != null) {
            servers.forEach(RedisServer::close);
            throw failure;
        }
        return servers;
    }

    private void form() {
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).command("CLUSTER", "SET-CONFIG-EPOCH", Integer.toString(i + 1));
        }
        for (int i = 0; i < MASTERS; i++) {
            int first = i * SLOTS / MASTERS;
            int last = (i + 1) * SLOTS / MASTERS - 1;
            nodes.get(i).command("CLUSTER", "ADDSLOTSRANGE", Integer.toString(first), Integer.toString(last));
        }
        ClusterNode introducer = nodes.get(0);
        for (ClusterNode node : nodes.subList(1, nodes.size())) {
            introducer.command("CLUSTER", "MEET", HOST, Integer.toString(node.port()));
        }
        await("every node to know every other", FORM_TIMEOUT, () -> nodes.stream().allMatch(this::knowsEveryNode));
        for (int i = 0; i < MASTERS; i++) {
            nodes.get(MASTERS + i).command("CLUSTER", "REPLICATE", nodes.get(i).id());
        }
        await("cluster_state:ok, replicas in sync and known to every node", FORM_TIMEOUT,
                () -> healthy() && masters().stream().allMatch(master -> master.command("INFO", "replication")
                        .contains("connected_slaves:1")) && nodes.stream().allMatch(this::knowsEveryReplica));
    }

    /** The node's view has every replica attached to its master (gossip reaches the nodes one by one). */
    private boolean knowsEveryReplica(ClusterNode node) {
        return node.command("CLUSTER", "NODES").lines().filter(line -> line.contains("slave")).count() == MASTERS;
    }

    private boolean knowsEveryNode(ClusterNode node) {
        List<String> lines = node.command("CLUSTER", "NODES").lines().filter(line -> !line.isBlank()).toList();
        return lines.size() == nodes.size()
                && lines.stream().noneMatch(line -> line.contains("handshake") || line.contains("noaddr"))
                && lines.stream().allMatch(line -> line.contains(" connected"));
    }

    /**
     * Every answering node says the cluster is ok, every answering replica's link to its master is up, and every
     * answering master sees its replicas online (past the initial sync, so that they acknowledge writes).
     */
    private boolean healthy() {
        for (ClusterNode node : answering()) {
            if (!node.command("CLUSTER", "INFO").contains("cluster_state:ok")) {
                return false;
            }
            String replication = node.command("INFO", "replication");
            if (replication.contains("role:slave") && !replication.contains("master_link_status:up")) {
                return false;
            }
            boolean replicasOnline = replication.lines().filter(line -> line.matches("slave\\d+:.*"))
                    .allMatch(line -> line.contains("state=online"));
            if (!replicasOnline) {
                return false;
            }
        }
        return true;
    }

    /** Every node's URI, {@code redis://127.0.0.1:<port>}, in start order. */
    public List<String> seedUris() {
        return nodes.stream().map(ClusterNode::uri).toList();
    }

    /** The seed list as one {@code REDIS_URL}: {@code redis://127.0.0.1:<port>,127.0.0.1:<port>,…}. */
    public String redisUrl() {
        return "redis://" + nodes.stream().map(node -> HOST + ":" + node.port()).collect(Collectors.joining(","));
    }

    /** All six nodes, in start order: the first three began as masters, the last three as their replicas. */
    public List<ClusterNode> nodes() {
        return nodes;
    }

    /** The masters that serve slots now, as the answering nodes see it, in slot order. */
    public List<ClusterNode> masters() {
        Set<ClusterNode> masters = new LinkedHashSet<>();
        for (List<?> range : slotRanges()) {
            masters.add(masterOf(range));
        }
        return List.copyOf(masters);
    }

    /** The master that serves {@code slot} now. */
    public ClusterNode masterOfSlot(int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("a slot is between 0 and " + (SLOTS - 1) + ", was " + slot);
        }
        for (List<?> range : slotRanges()) {
            if ((Long) range.get(0) <= slot && slot <= (Long) range.get(1)) {
                return masterOf(range);
            }
        }
        throw new IllegalStateException("no master serves slot " + slot);
    }

    /** The slot of {@code key}, as the cluster computes it ({@code CLUSTER KEYSLOT}). */
    public int slotOf(String key) {
        return Integer.parseInt(anyAnswering().command("CLUSTER", "KEYSLOT", key));
    }

    /** The master that serves {@code key} now. */
    public ClusterNode masterOf(String key) {
        return masterOfSlot(slotOf(key));
    }

    /** The replica of {@code master}, as the answering nodes see it now. */
    public ClusterNode replicaOf(ClusterNode master) {
        for (String line : anyAnswering().command("CLUSTER", "NODES").lines().toList()) {
            String[] fields = line.split(" ");
            if (fields.length > 3 && fields[3].equals(master.id()) && fields[2].contains("slave")) {
                return node(fields[0]);
            }
        }
        throw new IllegalStateException(master + " has no replica");
    }

    /**
     * Waits until the replica of {@code master} has every write the master had taken when this was called, so
     * that a failover after it loses nothing.
     *
     * @throws IllegalStateException if the replica does not catch up within 30 seconds
     */
    public void awaitReplication(ClusterNode master) {
        long written = replicationOffset(master, "master_repl_offset");
        ClusterNode replica = replicaOf(master);
        await(replica + " to reach offset " + written, FAILOVER_TIMEOUT,
                () -> replicationOffset(replica, "slave_repl_offset") >= written);
    }

    private static long replicationOffset(ClusterNode node, String field) {
        return node.command("INFO", "replication").lines().filter(line -> line.startsWith(field + ":"))
                .mapToLong(line -> Long.parseLong(line.substring(field.length() + 1).strip())).findFirst()
                .orElseThrow(() -> new IllegalStateException(node + " reports no " + field));
    }

    /** Kills the node's process (SIGKILL); the cluster notices after the node timeout. */
    public void kill(ClusterNode node) {
        node.server().stop();
    }

    /** Freezes the node (SIGSTOP): its sockets stay open but it never answers. */
    public void pause(ClusterNode node) {
        node.server().pause();
    }

    /** Thaws a paused node (SIGCONT). */
    public void resume(ClusterNode node) {
        node.server().resume();
    }

    /**
     * Waits until {@code replica} has been promoted to master and every answering node reports
     * {@code cluster_state:ok} again, at most 30 seconds.
     *
     * @throws IllegalStateException if that does not happen in time
     */
    public void awaitPromotion(ClusterNode replica) {
        await(replica + " to be promoted", FAILOVER_TIMEOUT,
                () -> replica.command("ROLE").startsWith("master") && masters().contains(replica) && healthy());
    }

    /** Deletes every key on every answering master (replicas follow). */
    public void flushAll() {
        for (ClusterNode master : masters()) {
            if (master.answers()) {
                master.command("FLUSHALL");
            }
        }
    }

    /** Kills every node and deletes their working directories; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        nodes.forEach(node -> node.server().close());
    }

    @Override
    public String toString() {
        return "RedisCluster[" + nodes.stream().map(node -> Integer.toString(node.port()))
                .collect(Collectors.joining(",")) + "]";
    }

    private List<List<?>> slotRanges() {
        Object reply = send(anyAnswering(), "CLUSTER", "SLOTS");
        List<List<?>> ranges = new ArrayList<>();
        for (Object range : (List<?>) reply) {
            ranges.add((List<?>) range);
        }
        ranges.sort((a, b) -> Long.compare((Long) a.get(0), (Long) b.get(0)));
        return ranges;
    }

    /** The master of one {@code CLUSTER SLOTS} entry: {@code [first, last, [host, port, id], replicas…]}. */
    private ClusterNode masterOf(List<?> range) {
        List<?> master = (List<?>) range.get(2);
        return node((String) master.get(2));
    }

    private ClusterNode node(String id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of " + this + " has id " + id));
    }

    private List<ClusterNode> answering() {
        return nodes.stream().filter(ClusterNode::answers).toList();
    }

    private ClusterNode anyAnswering() {
        Optional<ClusterNode> node = nodes.stream().filter(ClusterNode::answers).findFirst();
        return node.orElseThrow(() -> new IllegalStateException("no node of " + this + " is answering"));
    }

    private static Object send(ClusterNode node, String... args) {
        try (RespConnection connection = RespConnection.open(HOST, node.port(), PROBE_TIMEOUT, PROBE_TIMEOUT)) {
            return connection.send(args);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + args[0] + " on " + node + ": " + e, e);
        }
    }

    /** Polls {@code condition} until it holds; a node that fails to answer meanwhile counts as "not yet". */
    private void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                last = e;
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException("Waited " + timeout + " for " + what + " in " + this
                + (last == null ? "" : "; last error: " + last.getMessage()), last);
    }
}
