package org.monostore.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ClusterSharding;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.pattern.Patterns;

/**
 * Whether this node can take traffic: the store has started and is not stopping, the node is an Up
 * member, and each of its shard regions is registered with its coordinator (before that, a request
 * for an entity through this node waits for the region instead of being answered). Read by the
 * readiness probes of both HTTP ports: Spring's {@link ClusterHealthIndicator} and Pekko
 * Management's {@link ShardsReadyCheck}.
 */
public final class ShardsReady implements Extension {

  private static final Id ID = new Id();

  private final ExtendedActorSystem system;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private volatile boolean serving;

  private ShardsReady(ExtendedActorSystem system) {
    this.system = system;
  }

  public static ShardsReady get(ActorSystem system) {
    return ID.get(system);
  }

  /** Between the store's start and the beginning of its shutdown. */
  void serving(boolean serving) {
    this.serving = serving;
  }

  /** Regions once registered stay so; only the others are asked about, in parallel. */
  CompletionStage<Boolean> check(Duration timeout) {
    Cluster cluster = Cluster.get(system);
    if (!serving || cluster.selfMember().status() != MemberStatus.up()) {
      return CompletableFuture.completedFuture(false);
    }
    ClusterSharding sharding = ClusterSharding.get(system);
    List<CompletableFuture<Boolean>> answers = sharding.getShardTypeNames().stream()
        .filter(kind -> !registered.contains(kind))
        .map(kind -> Patterns.ask(sharding.shardRegion(kind), ShardRegion.getCurrentRegionsInstance(), timeout)
            .thenApply(reply -> {
              boolean known = ((ShardRegion.CurrentRegions) reply).getRegions().contains(cluster.selfAddress());
              if (known) {
                registered.add(kind);
              }
              return known;
            })
            .exceptionally(noAnswer -> false)
            .toCompletableFuture())
        .toList();
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .thenApply(all -> answers.stream().allMatch(CompletableFuture::join));
  }

  /** The shard regions known to their coordinators so far. */
  Set<String> registeredRegions() {
    return Set.copyOf(registered);
  }

  private static final class Id extends AbstractExtensionId<ShardsReady> {
    @Override
    public ShardsReady createExtension(ExtendedActorSystem system) {
      return new ShardsReady(system);
    }
  }
}
