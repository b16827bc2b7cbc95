package org.monostore.cluster;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.sharding.ClusterSharding;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.pattern.Patterns;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import scala.concurrent.duration.FiniteDuration;

/**
 * The cluster as this node sees it: the members from its cluster state, and the shards and live
 * entities each one hosts, from the shard coordinators' statistics. Every kind's coordinator is asked
 * at once, without blocking an actor, and each answer is waited for a bounded time: a coordinator or a
 * region that does not answer in time leaves its counts out (statsComplete false), it fails nothing.
 */
@Component
class ClusterOverview {

  /** How long a coordinator waits for its regions; this node waits a second longer for the coordinator. */
  static final Duration STATS_TIMEOUT = Duration.ofSeconds(3);

  private final ActorSystem<Void> system;
  private final Environment environment;

  ClusterOverview(ActorSystem<Void> system, Environment environment) {
    this.system = system;
    this.environment = environment;
  }

  @Schema(name = "ClusterOverview")
  record Overview(
      AnsweringNode answeredBy,
      @Schema(nullable = true, description = "The leader's address: the member that moves others' status on; "
          + "null while there is none") String leader,
      @Schema(nullable = true, description = "The oldest Up member's address, where the cluster singletons "
          + "(the shard coordinators) run; null while no member is Up") String oldest,
      @Schema(description = "The kinds of sharded entities, by name (Cart, Product, ...), and of sharded "
          + "daemon processes (the projections)") List<String> entityKinds,
      @Schema(description = "Whether every kind's statistics came for every member in time") boolean statsComplete,
      @Schema(description = "The members, oldest first") List<Node> members) {}

  @Schema(name = "ClusterAnsweringNode", description = "The node that answered this request")
  record AnsweringNode(
      @Schema(description = "Its cluster address", example = "pekko://monostore@127.0.0.1:7355") String address,
      @Schema(description = "Its HTTP port", example = "8080") int httpPort) {}

  @Schema(name = "ClusterMember")
  record Node(
      @Schema(example = "pekko://monostore@127.0.0.1:7355") String address,
      @Schema(description = "Pekko's member status", allowableValues = {"Joining", "WeaklyUp", "Up", "Leaving",
          "Exiting", "Down", "Removed", "PreparingForShutdown", "ReadyForShutdown"}) String status,
      @Schema(description = "false while the failure detector of some member finds it unreachable")
          boolean reachable,
      List<String> roles,
      @Schema(description = "true for the node that answered") boolean self,
      @Schema(description = "The shards it hosts, of every kind whose statistics came") int shards,
      @Schema(description = "Live entities per kind; a kind whose statistics did not come in time is absent")
          Map<String, Integer> entities,
      @Schema(description = "false when the statistics of some kind did not come for this member in time, or "
          + "it has no region of that kind registered (yet)") boolean statsComplete) {}

  /** What the cluster state says of a member. */
  record Membership(String address, String status, boolean reachable, List<String> roles, boolean self) {}

  /** A region's answer: the live entities in each shard it hosts, complete unless a shard did not answer. */
  record RegionStats(Map<String, Integer> entitiesPerShard, boolean complete) {}

  Overview now() {
    var cluster = Cluster.get(system);
    var state = cluster.state();
    Map<String, CompletableFuture<Object>> asked = askEveryKind();

    List<Member> members = StreamSupport.stream(state.getMembers().spliterator(), false)
        .sorted(Member.ageOrdering()).toList();
    if (!members.contains(cluster.selfMember())) {
      // Not joined yet: it answers all the same, as the one member it knows.
      members = Stream.concat(members.stream(), Stream.of(cluster.selfMember())).toList();
    }
    List<Membership> memberships = members.stream()
        .map(member -> new Membership(member.address().toString(), member.status().toString(),
            !state.getUnreachable().contains(member), member.getRoles().stream().sorted().toList(),
            member.equals(cluster.selfMember())))
        .toList();
    String oldest = members.stream().filter(member -> member.status() == MemberStatus.up()).findFirst()
        .map(member -> member.address().toString()).orElse(null);

    Map<String, Map<String, RegionStats>> answered = new TreeMap<>();
    asked.forEach((kind, answer) -> statsOf(answer).ifPresent(stats -> answered.put(kind, stats)));
    List<Node> nodes = nodes(memberships, List.copyOf(asked.keySet()), answered);
    return new Overview(
        new AnsweringNode(cluster.selfMember().address().toString(), httpPort()),
        state.getLeader() == null ? null : state.getLeader().toString(),
        oldest,
        List.copyOf(asked.keySet()),
        nodes.stream().allMatch(Node::statsComplete),
        nodes);
  }

  /**
   * Each member with its shards and entities from the kinds' statistics; a kind missing from
   * {@code answered}, or a member missing from a kind's statistics, makes that member incomplete.
   */
  static List<Node> nodes(List<Membership> members, List<String> kinds, Map<String, Map<String, RegionStats>> answered) {
    return members.stream().map(member -> {
      Map<String, Integer> entities = new LinkedHashMap<>();
      int shards = 0;
      boolean complete = true;
      for (String kind : kinds) {
        RegionStats region = answered.getOrDefault(kind, Map.of()).get(member.address());
        if (region == null) {
          complete = false;
          continue;
        }
        shards += region.entitiesPerShard().size();
        entities.put(kind, region.entitiesPerShard().values().stream().mapToInt(Integer::intValue).sum());
        complete &= region.complete();
      }
      return new Node(member.address(), member.status(), member.reachable(), member.roles(), member.self(), shards,
          entities, complete);
    }).toList();
  }

  /** Every kind's cluster statistics, asked for in parallel, by kind name in order. */
  private Map<String, CompletableFuture<Object>> askEveryKind() {
    ClusterSharding sharding = ClusterSharding.get(system.classicSystem());
    var question = new ShardRegion.GetClusterShardingStats(FiniteDuration.fromNanos(STATS_TIMEOUT.toNanos()));
    Map<String, CompletableFuture<Object>> asked = new TreeMap<>();
    for (String kind : sharding.getShardTypeNames()) {
      asked.put(kind, Patterns.ask(sharding.shardRegion(kind), question, STATS_TIMEOUT.plusSeconds(1))
          .toCompletableFuture());
    }
    return asked;
  }

  /**
   * The statistics of one kind by member address, waited for on this request's own thread; none if
   * they did not come in time. A coordinator that timed out waiting for a region answers no regions.
   */
  private static Optional<Map<String, RegionStats>> statsOf(CompletableFuture<Object> answer) {
    try {
      if (!(answer.join() instanceof ShardRegion.ClusterShardingStats stats) || stats.getRegions().isEmpty()) {
        return Optional.empty();
      }
      Map<String, RegionStats> regions = new TreeMap<>();
      stats.getRegions().forEach((address, region) -> {
        // Scala's Int values reach Java as Objects: boxed Integers.
        Map<String, Integer> perShard = new TreeMap<>();
        region.getStats().forEach((shard, count) -> perShard.put(shard, (Integer) count));
        regions.put(address.toString(), new RegionStats(perShard, region.getFailed().isEmpty()));
      });
      return Optional.of(regions);
    } catch (CompletionException | CancellationException noAnswer) {
      return Optional.empty();
    }
  }

  private int httpPort() {
    return environment.getProperty("local.server.port", Integer.class,
        environment.getProperty("server.port", Integer.class, 8080));
  }
}
