package org.monostore.platform;

import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Ready only while this node is an Up member of the cluster: before that, sharded entities cannot be
 * reached through it. Part of the readiness group (application.properties).
 */
@Component("cluster")
class ClusterHealthIndicator extends AbstractHealthIndicator {

  private final Cluster cluster;

  ClusterHealthIndicator(ActorSystem<Void> system) {
    this.cluster = Cluster.get(system);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    var self = cluster.selfMember();
    var state = cluster.state();
    builder
        .status(self.status() == MemberStatus.up() ? "UP" : "DOWN")
        .withDetail("address", self.address().toString())
        .withDetail("memberStatus", self.status().toString())
        .withDetail("members", state.getMembers().spliterator().getExactSizeIfKnown())
        .withDetail("unreachable", state.getUnreachable().size());
  }
}
