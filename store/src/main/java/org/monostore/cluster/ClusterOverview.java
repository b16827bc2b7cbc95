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

/**
 * The cluster as this node sees it: the members from its cluster state, and the shards and live
 * entities each one hosts, from each member's shard region of each kind. The regions are asked all at
 * once, without blocking an actor, and waited for a bounded time: a region that does not answer in
 * time (or a member that is unreachable, which is not asked) leaves its counts out (statsComplete
 * false) and fails nothing. Each region is asked itself rather than through its coordinator, whose
 * statistics of a kind are all or nothing: one slow region would hide every node's counts.
 */
@Component
class ClusterOverview {

  private final ActorSystem<Void> system;
  private final Environment environment;
  /**
   * How long a region's answer is waited for: a region gives its shards the sharding's
   * shard-region-query-timeout (3 s) and then answers without those that were late, so a second more.
   */
  private final Duration statsTimeout;

  ClusterOverview(ActorSystem<Void> system, Environment environment) {
    this.system = system;
    this.environment = environment;
    this.statsTimeout = system.settings().config().getDuration("pekko.cluster.sharding.shard-region-query-timeout")
        .plusSeconds(1);
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
      @Schema(description = "Whether every member's statistics came in time") boolean statsComplete,
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
      @Schema(description = "The shards it hosts, of every kind whose region answered") int shards,
      @Schema(description = "Live entities per kind; a kind whose region did not answer in time is absent")
          Map<String, Integer> entities,
      @Schema(description = "false when its region of some kind did not answer in time, or some of that "
          + "region's shards did not; an unreachable member is not asked") boolean statsComplete) {}

  /** What the cluster state says of a member. */
  record Membership(String address, String status, boolean reachable, List<String> roles, boolean self) {}

  /** A region's answer: the live entities in each shard it hosts, complete unless a shard did not answer. */
  record RegionStats(Map<String, Integer> entitiesPerShard, boolean complete) {}

  Overview now() {
    var cluster = Cluster.get(system);
    var state = cluster.state();
    List<Member> members = StreamSupport.stream(state.getMembers().spliterator(), false)
        .sorted(Member.ageOrdering()).toList();
    if (!members.contains(cluster.selfMember())) {
      // Not joined yet: it answers all the same, as the one member it knows.
      members = Stream.concat(members.stream(), Stream.of(cluster.selfMember())).toList();
    }
    List<Member> reachable = members.stream().filter(member -> !state.getUnreachable().contains(member)).toList();
    Map<String, Map<String, CompletableFuture<Object>>> asked = askEveryRegion(reachable);

    List<Membership> memberships = members.stream()
        .map(member -> new Membership(member.address().toString(), member.status().toString(),
            reachable.contains(member), member.getRoles().stream().sorted().toList(),
            member.equals(cluster.selfMember())))
        .toList();
    String oldest = members.stream().filter(member -> member.status() == MemberStatus.up()).findFirst()
        .map(member -> member.address().toString()).orElse(null);

    Map<String, Map<String, RegionStats>> answered = new TreeMap<>();
    asked.forEach((kind, regions) -> {
      Map<String, RegionStats> stats = new TreeMap<>();
      regions.forEach((address, answer) -> statsOf(answer).ifPresent(region -> stats.put(address, region)));
      answered.put(kind, stats);
    });
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

  /**
   * Every kind's region on every one of the members asked for its statistics, all at once: by kind
   * name in order, then by member address. A member's region of a kind has the path of this node's.
   */
  private Map<String, Map<String, CompletableFuture<Object>>> askEveryRegion(List<Member> members) {
    var classic = system.classicSystem();
    ClusterSharding sharding = ClusterSharding.get(classic);
    Map<String, Map<String, CompletableFuture<Object>>> asked = new TreeMap<>();
    for (String kind : sharding.getShardTypeNames()) {
      String path = sharding.shardRegion(kind).path().toStringWithoutAddress();
      Map<String, CompletableFuture<Object>> regions = new LinkedHashMap<>();
      for (Member member : members) {
        regions.put(member.address().toString(), Patterns.ask(classic.actorSelection(member.address() + path),
            ShardRegion.getRegionStatsInstance(), statsTimeout).toCompletableFuture());
      }
      asked.put(kind, regions);
    }
    return asked;
  }

  /** A region's statistics, waited for on this request's own thread; none if they did not come in time. */
  private static Optional<RegionStats> statsOf(CompletableFuture<Object> answer) {
    try {
      if (!(answer.join() instanceof ShardRegion.ShardRegionStats stats)) {
        return Optional.empty();
      }
      // Scala's Int values reach Java as Objects: boxed Integers.
      Map<String, Integer> perShard = new TreeMap<>();
      stats.getStats().forEach((shard, count) -> perShard.put(shard, (Integer) count));
      return Optional.of(new RegionStats(perShard, stats.getFailed().isEmpty()));
    } catch (CompletionException | CancellationException noAnswer) {
      return Optional.empty();
    }
  }

  private int httpPort() {
    return environment.getProperty("local.server.port", Integer.class,
        environment.getProperty("server.port", Integer.class, 8080));
  }
}
