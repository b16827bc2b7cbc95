package org.monostore.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.monostore.cluster.ClusterOverview.Membership;
import org.monostore.cluster.ClusterOverview.Node;
import org.monostore.cluster.ClusterOverview.RegionStats;

/** How the members and the kinds' statistics make one node's row, also when some statistics did not come. */
class ClusterOverviewTest {

  private static final String ONE = "pekko://monostore@10.0.0.1:7355";
  private static final String TWO = "pekko://monostore@10.0.0.2:7355";
  private static final List<Membership> MEMBERS = List.of(
      new Membership(ONE, "Up", true, List.of("dc-default"), true),
      new Membership(TWO, "Up", false, List.of("dc-default"), false));

  @Test
  void eachMemberCountsItsShardsOverEveryKindAndItsEntitiesPerKind() {
    List<Node> nodes = ClusterOverview.nodes(MEMBERS, List.of("Cart", "Product"), Map.of(
        "Cart", Map.of(ONE, new RegionStats(Map.of("1", 3, "7", 2), true), TWO, new RegionStats(Map.of("4", 1), true)),
        "Product", Map.of(ONE, new RegionStats(Map.of(), true), TWO, new RegionStats(Map.of("2", 5, "9", 0), true))));

    assertThat(nodes).extracting(Node::address).containsExactly(ONE, TWO);
    assertThat(nodes.get(0).shards()).isEqualTo(2);
    assertThat(nodes.get(0).entities()).containsExactly(Map.entry("Cart", 5), Map.entry("Product", 0));
    assertThat(nodes.get(1).shards()).isEqualTo(3);
    assertThat(nodes.get(1).entities()).containsExactly(Map.entry("Cart", 1), Map.entry("Product", 5));
    assertThat(nodes).allMatch(Node::statsComplete);
    assertThat(nodes.get(0).self()).isTrue();
    assertThat(nodes.get(1).reachable()).isFalse();
  }

  @Test
  void aKindWhoseStatisticsDidNotComeLeavesItsCountsOutAndEveryMemberIncomplete() {
    List<Node> nodes = ClusterOverview.nodes(MEMBERS, List.of("Cart", "Product"), Map.of(
        "Cart", Map.of(ONE, new RegionStats(Map.of("1", 3), true), TWO, new RegionStats(Map.of("4", 1), true))));

    assertThat(nodes).noneMatch(Node::statsComplete);
    assertThat(nodes.get(0).entities()).containsExactly(Map.entry("Cart", 3));
    assertThat(nodes.get(0).shards()).isEqualTo(1);
  }

  @Test
  void aMemberMissingFromAKindsStatisticsOrWithAShardThatDidNotAnswerIsIncomplete() {
    List<Node> nodes = ClusterOverview.nodes(MEMBERS, List.of("Cart", "Product"), Map.of(
        "Cart", Map.of(ONE, new RegionStats(Map.of("1", 3), false), TWO, new RegionStats(Map.of("4", 1), true)),
        "Product", Map.of(ONE, new RegionStats(Map.of("2", 1), true))));

    assertThat(nodes.get(0).statsComplete()).as("a shard of its carts did not answer").isFalse();
    assertThat(nodes.get(0).entities()).containsExactly(Map.entry("Cart", 3), Map.entry("Product", 1));
    assertThat(nodes.get(1).statsComplete()).as("no products region in the statistics").isFalse();
    assertThat(nodes.get(1).entities()).containsExactly(Map.entry("Cart", 1));
  }
}
