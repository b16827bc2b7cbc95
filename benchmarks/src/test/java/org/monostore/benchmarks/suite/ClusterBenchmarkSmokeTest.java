package org.monostore.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multi-node part of the suite end to end, briefly: a cluster of one node, then a fresh one of
 * two, each driven through all its nodes by wrk, and the report. It proves the part runs, counts the
 * forwarded requests and leaves no process behind; it judges no timing.
 */
class ClusterBenchmarkSmokeTest {

  @TempDir Path work;

  @Test
  void oneAndTwoNodesAreDrivenThroughEveryNodeAndReported() throws Exception {
    ClusterBenchmark.Results results = ClusterBenchmark.run(ClusterBenchmark.Settings.smoke(work));

    assertThat(results.failures()).isEmpty();
    assertThat(results.counts()).extracting(ClusterBenchmark.NodeCount::nodes).containsExactly(1, 2);
    for (ClusterBenchmark.NodeCount count : results.counts()) {
      assertThat(count.runs()).extracting(ClusterRun::workload).containsExactlyElementsOf(ClusterBenchmark.WORKLOADS);
      assertThat(count.runs()).allSatisfy(run -> {
        assertThat(run.perNode()).as("one wrk per node").hasSize(count.nodes())
            .allSatisfy(node -> assertThat(node.requests()).as(run.workload() + " through each node").isPositive());
        assertThat(run.perNode()).extracting(LoadResult::clients).as("the connections split over the nodes")
            .containsExactlyElementsOf(ClusterBenchmark.connections(8, count.nodes()));
        assertThat(run.storeSeconds()).as("the nodes' CPU").isPositive();
        assertThat(run.generatorSeconds()).as("wrk's CPU").isPositive();
        assertThat(run.busySeconds()).as("the machine's CPU").isPositive();
      });
    }
    ClusterRun writesOnOne = results.counts().getFirst().runs().getFirst();
    assertThat(writesOnOne.forwarded()).as("nothing is forwarded on one node").isZero();
    assertThat(writesOnOne.priceAsksForwarded()).isZero();
    assertThat(writesOnOne.databaseSeconds()).as("PostgreSQL's CPU for durable writes").isPositive();
    // About half on two nodes: 2,000 SKUs looked up, but only the 20 carts of this brief run edited.
    ClusterRun writesOnTwo = results.counts().get(1).runs().getFirst();
    assertThat(writesOnTwo.forwarded()).as("cart writes forwarded on two nodes").isBetween(0.1, 0.9);
    assertThat(writesOnTwo.priceAsksForwarded()).as("their carts' price asks, to 10 products").isBetween(0.0, 1.0);
    assertThat(results.counts().get(1).runs().getLast().forwarded()).as("lookups forwarded on two nodes").isBetween(0.3, 0.7);

    List<Long> nodes;
    try (Stream<ProcessHandle> children = ProcessHandle.current().descendants()) {
      nodes = children.filter(p -> p.info().commandLine().orElse("").contains("store-exec.jar")).map(ProcessHandle::pid).toList();
    }
    assertThat(nodes).as("no node left running").isEmpty();

    String report = Files.readString(work.resolve("benchmarks-cluster.md"));
    assertThat(report).contains("## One, two and three nodes", "**These runs cannot show scale-out.**",
        "### The cost of a forwarded request", "### Per-core figures for sizing", "load averages", "8 connections in all, split over one wrk per node (8, 4+4)");
    assertThat(report).containsPattern("\\| 2 \\| 8 \\| cart writes \\| [\\d,]+ \\| [\\d.]+ \\| [\\d.]+ \\| \\d+% \\| \\d+% \\|");
    assertThat(report).containsPattern("\\| product lookups \\| 8 \\| 2 \\| [\\d.]+ \\| -?[\\d,]+ \\| -?[\\d,]+ \\|");
    assertThat(report).containsPattern("\\| cart writes \\| 8 \\| [\\d,]+ \\| -?[\\d,]+ \\| [\\d.]+ \\| -?[\\d,]+ \\| -?[\\d,]+/s \\|");
  }

  @Test
  void moreNodesThanConnectionsAreRefusedBeforeAnythingStarts() {
    var settings = new ClusterBenchmark.Settings(List.of(1, 9), List.of(64, 8), 10, 1, 1, 1, work, work.resolve("report.md"));

    assertThatIllegalArgumentException().isThrownBy(() -> ClusterBenchmark.run(settings))
        .withMessageContaining("node counts from 1 to 8");
    assertThat(work).isEmptyDirectory();
  }
}
