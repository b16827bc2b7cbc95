package org.monostore.cluster;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.typed.Cluster;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Ready only while this node is an Up member of the cluster with its shard regions registered
 * ({@link ShardsReady}): before that, sharded entities cannot be reached through it. Part of the
 * readiness group (application.properties), not of liveness: a node that waits for its cluster is
 * not broken, and restarting it would not help.
 */
@Component("cluster")
class ClusterHealthIndicator extends AbstractHealthIndicator {

  private final Cluster cluster;
  private final ShardsReady shards;

  ClusterHealthIndicator(ActorSystem<Void> system) {
    this.cluster = Cluster.get(system);
    this.shards = ShardsReady.get(Adapter.toClassic(system));
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    var self = cluster.selfMember();
    var state = cluster.state();
    boolean ready = shards.check(Duration.ofSeconds(2)).toCompletableFuture().get(3, TimeUnit.SECONDS);
    builder
        .status(ready ? "UP" : "DOWN")
        .withDetail("address", self.address().toString())
        .withDetail("memberStatus", self.status().toString())
        .withDetail("members", state.getMembers().spliterator().getExactSizeIfKnown())
        .withDetail("unreachable", state.getUnreachable().size())
        .withDetail("registeredShardRegions", shards.registeredRegions());
  }
}
