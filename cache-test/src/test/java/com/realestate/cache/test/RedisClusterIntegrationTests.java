package com.realestate.cache.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@RedisTest
@DisruptsRedis
class RedisClusterIntegrationTests {

    /** A cluster for the tests that leave it as it is; those that kill or pause a node take one of their own. */
    private static RedisCluster shared;

    @BeforeAll
    static void startShared(RedisCluster cluster) {
        shared = cluster;
    }

    @Test
    void formsThreeMastersEachWithAReplicaThatServeEverySlot() {
        RedisCluster cluster = shared;
        List<ClusterNode> masters = cluster.masters();

        assertThat(masters).hasSize(3);
        assertThat(masters).extracting(master -> cluster.replicaOf(master)).doesNotContainAnyElementsOf(masters)
                .doesNotHaveDuplicates();
        assertThat(cluster.masterOfSlot(0)).isNotEqualTo(cluster.masterOfSlot(RedisCluster.SLOTS - 1));
        for (ClusterNode node : cluster.nodes()) {
            assertThat(node.command("CLUSTER", "INFO")).contains("cluster_state:ok", "cluster_slots_assigned:16384");
        }
        assertThat(cluster.redisUrl()).startsWith("redis://127.0.0.1:").contains(",");
        assertThat(cluster.seedUris()).hasSize(6);
    }

    @Test
    void aWriteToAMasterReachesItsReplica() {
        RedisCluster cluster = shared;
        ClusterNode master = cluster.masterOf("{a}key");
        master.command("SET", "{a}key", "v");

        cluster.awaitReplication(master);

        assertThat(cluster.replicaOf(master).command("DBSIZE")).isEqualTo("1");
    }

    @Test
    void aKilledMasterIsReplacedByItsReplica(RedisCluster cluster) {
        ClusterNode master = cluster.masterOf("{tenant}key");
        ClusterNode replica = cluster.replicaOf(master);

        cluster.kill(master);
        cluster.awaitPromotion(replica);

        assertThat(cluster.masterOf("{tenant}key")).isEqualTo(replica);
        assertThat(replica.command("SET", "{tenant}key", "after")).isEqualTo("OK");
    }

    @Test
    void aPausedMasterIsReplacedByItsReplica(RedisCluster cluster) {
        ClusterNode master = cluster.masterOfSlot(0);
        ClusterNode replica = cluster.replicaOf(master);

        cluster.pause(master);
        cluster.awaitPromotion(replica);

        assertThat(cluster.masters()).contains(replica).doesNotContain(master);
    }
}
