package org.monostore.benchmarks.suite;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.pekko.cluster.sharding.typed.HashCodeNoEnvelopeMessageExtractor;

/**
 * One workload through every node of a cluster at once, a wrk per node, with where the CPU went
 * meanwhile and how many requests were forwarded: a request whose entity lives on another node than
 * the one it was sent to. perNode holds each wrk's result, node 1 first.
 *
 * <p>priceAsksForwarded is the share of cart writes whose cart asked a product on another node for
 * its price (a line change does); zero for lookups.
 */
record ClusterRun(
    String workload, int nodes, List<LoadResult> perNode, double seconds, double busySeconds, double storeSeconds,
    double databaseSeconds, double generatorSeconds, double forwarded, double priceAsksForwarded) {

  /** The shipped number of shards; an entity's shard is its id's hash modulo it, as the store's entities are placed. */
  private static final int SHARDS =
      ConfigFactory.parseResources("pekko/cluster.conf").resolve().getInt("pekko.cluster.sharding.number-of-shards");
  private static final HashCodeNoEnvelopeMessageExtractor<String> PLACEMENT = new HashCodeNoEnvelopeMessageExtractor<>(SHARDS) {
    @Override
    public String entityId(String id) {
      return id;
    }
  };

  /** The SKUs wrk.lua's lookups draw from, each as likely: 200 of each of these categories. */
  private static final List<String> LOOKED_UP = List.of("ELEC", "BOOK", "KITC", "CLTH", "TOYS", "SPRT", "GRDN", "BEAU", "GROC", "HOME")
      .stream().flatMap(prefix -> IntStream.rangeClosed(1, 200).mapToObj(n -> "%s-%06d".formatted(prefix, n))).toList();

  static ClusterRun run(StoreCluster cluster, Path work, String workload, List<Integer> connections, int seconds,
      List<Path> carts, long postmaster) throws IOException, InterruptedException {
    Files.createDirectories(work);
    boolean writes = workload.equals("cart-write");
    Map<Long, Double> storeBefore = ProcessCpu.read(cluster.processes());
    Map<Long, Double> databaseBefore = ProcessCpu.read(ProcessCpu.database(postmaster));
    double busyBefore = CpuUse.Reading.readMachineBusySeconds();
    long from = System.nanoTime();
    List<WrkRun.Started> started = new ArrayList<>();
    try {
      for (int node = 1; node <= cluster.size(); node++) {
        started.add(WrkRun.start(work, workload + "-c" + connections.stream().mapToInt(Integer::intValue).sum() + "-node-" + node, cluster.baseUrl(node),
            workload, connections.get(node - 1), seconds, writes ? carts.get(node - 1) : null));
      }
      // A process's CPU time can no longer be read once it has exited, so wrk's is read until then.
      Map<Long, Double> generator = Map.of();
      while (started.stream().anyMatch(wrk -> wrk.process().isAlive())) {
        Map<Long, Double> sofar = ProcessCpu.read(started.stream().map(wrk -> wrk.process().toHandle()).filter(ProcessHandle::isAlive));
        generator = merge(generator, sofar);
        TimeUnit.MILLISECONDS.sleep(200);
      }
      double elapsed = (System.nanoTime() - from) / 1e9;
      double busy = CpuUse.Reading.readMachineBusySeconds() - busyBefore;
      double store = ProcessCpu.spent(storeBefore, ProcessCpu.read(cluster.processes()));
      double database = ProcessCpu.spent(databaseBefore, ProcessCpu.read(ProcessCpu.database(postmaster)));
      List<LoadResult> perNode = new ArrayList<>();
      for (WrkRun.Started wrk : started) {
        perNode.add(wrk.await());
      }
      Shares shares = shares(cluster, writes, perNode, carts);
      return new ClusterRun(workload, cluster.size(), perNode, elapsed, busy, store, database,
          generator.values().stream().mapToDouble(Double::doubleValue).sum(), shares.forwarded(), shares.priceAsks());
    } finally {
      for (WrkRun.Started wrk : started) {
        wrk.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** The connections in all. */
  int clients() {
    return perNode.stream().mapToInt(LoadResult::clients).sum();
  }

  long requests() {
    return perNode.stream().mapToLong(LoadResult::requests).sum();
  }

  double perSecond() {
    return perNode.stream().mapToDouble(LoadResult::perSecond).sum();
  }

  /** The median of the nodes' medians, weighted by their requests: wrk gives no distribution to merge. */
  double p50Millis() {
    return perNode.stream().mapToDouble(r -> r.p50Millis() * r.requests()).sum() / requests();
  }

  /** The slowest node's p99: at least the p99 over all requests, never below it. */
  double p99Millis() {
    return perNode.stream().mapToDouble(LoadResult::p99Millis).max().orElse(Double.NaN);
  }

  double storeMicrosPerRequest() {
    return storeSeconds * 1e6 / requests();
  }

  double databaseMicrosPerRequest() {
    return databaseSeconds * 1e6 / requests();
  }

  double generatorMicrosPerRequest() {
    return generatorSeconds * 1e6 / requests();
  }

  double busyCores() {
    return busySeconds / seconds;
  }

  /** Forwarded messages per request: the request itself, and for a line change the cart's price ask. */
  double forwardedPerRequest() {
    return forwarded + priceAsksForwarded;
  }

  /** The shares of requests forwarded and of price asks forwarded. */
  private record Shares(double forwarded, double priceAsks) {}

  /**
   * Each wrk's share of the requests, times the share of the entities it asked for that live on
   * another node: wrk.lua asks for each of its node's carts, or for each SKU it looks up, as often.
   */
  private static Shares shares(StoreCluster cluster, boolean writes, List<LoadResult> perNode, List<Path> carts)
      throws IOException, InterruptedException {
    Map<String, String> shards = placement(cluster, writes);
    long requests = perNode.stream().mapToLong(LoadResult::requests).sum();
    double forwarded = 0;
    double priceAsks = 0;
    for (int node = 1; node <= cluster.size(); node++) {
      double weight = (double) perNode.get(node - 1).requests() / requests;
      String here = String.valueOf(node);
      if (writes) {
        // The carts file: a header line, then per cart its id and the SKU of its one line.
        List<String> lines = Files.readAllLines(carts.get(node - 1));
        List<String[]> rows = lines.subList(1, lines.size()).stream().map(row -> row.split(",")).toList();
        forwarded += weight * share(rows, row -> !nodeOf(shards, "Cart", row[0]).equals(here));
        priceAsks += weight * share(rows, row -> !nodeOf(shards, "Cart", row[0]).equals(nodeOf(shards, "Product", row[1])));
      } else {
        forwarded += weight * share(LOOKED_UP, sku -> !nodeOf(shards, "Product", sku).equals(here));
      }
    }
    return new Shares(forwarded, priceAsks);
  }

  /** Which node each shard of the kinds a workload uses lives on now: "Cart/17" to "2". */
  private static Map<String, String> placement(StoreCluster cluster, boolean writes) throws IOException, InterruptedException {
    Map<String, String> placement = new HashMap<>();
    for (int node = 1; node <= cluster.size(); node++) {
      for (String kind : writes ? List.of("Cart", "Product") : List.of("Product")) {
        for (String shard : cluster.shardsOn(node, kind)) {
          placement.put(kind + "/" + shard, String.valueOf(node));
        }
      }
    }
    return placement;
  }

  /** The node an entity lives on, "none" for one whose shard no node holds. */
  private static String nodeOf(Map<String, String> placement, String kind, String id) {
    return placement.getOrDefault(kind + "/" + PLACEMENT.shardId(id), "none");
  }

  private static <T> double share(List<T> items, Predicate<T> counted) {
    return items.isEmpty() ? 0 : (double) items.stream().filter(counted).count() / items.size();
  }

  private static Map<Long, Double> merge(Map<Long, Double> earlier, Map<Long, Double> later) {
    Map<Long, Double> merged = new HashMap<>(earlier);
    later.forEach((pid, seconds) -> {
      if (!seconds.isNaN()) {
        merged.put(pid, seconds);
      }
    });
    return merged;
  }
}
