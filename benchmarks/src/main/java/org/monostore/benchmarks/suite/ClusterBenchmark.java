package org.monostore.benchmarks.suite;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.monostore.platform.EmbeddedDatabase;

/**
 * The store as a cluster of 1, 2 and 3 nodes on this machine: for each count a fresh cluster on one
 * embedded PostgreSQL (durable, as the store ships it), and wrk driving cart writes, then product
 * lookups, through every node at once (one wrk per node, the connections split over them). A request
 * reaches the node it was sent to; when its entity lives on another, it is forwarded there. On two
 * cores more nodes cannot add capacity: what the runs show is what forwarding costs.
 */
final class ClusterBenchmark {

  /** What wrk drives through every node: durable cart writes and product lookups. */
  static final List<String> WORKLOADS = List.of("cart-write", "product-lookup");

  /**
   * levels: the connections in all, highest first (the highest is the single-node suite's reference
   * level, the lower one leaves the cores room); carts: the fewest carts each node's wrk edits (it
   * edits at least one more than it has connections).
   */
  record Settings(List<Integer> nodeCounts, List<Integer> levels, int carts, int seconds, int warmupSeconds,
      int idleSeconds, Path workDir, Path report) {

    static Settings full(Path report, List<Integer> nodeCounts, int seconds) {
      return new Settings(nodeCounts, List.of(Report.REFERENCE_CLIENTS, 8), 60, seconds, 20, 10,
          Path.of("benchmarks/target/benchmark-cluster").toAbsolutePath(), report);
    }

    /** One and two nodes, briefly: proves the part runs, measures nothing worth reading. */
    static Settings smoke(Path workDir) {
      return new Settings(List.of(1, 2), List.of(8), 10, 2, 1, 1, workDir, workDir.resolve("benchmarks-cluster.md"));
    }
  }

  /** What a cluster of {@code nodes} did: its CPU when idle, and each workload's run. */
  record NodeCount(int nodes, Duration startup, String loadBefore, double idleStoreCores, double idleDatabaseCores,
      List<ClusterRun> runs) {}

  record Results(Instant started, Machine machine, List<NodeCount> counts, String loadAfter, List<String> failures,
      Settings settings) {}

  private ClusterBenchmark() {}

  static Results run(Settings settings) throws IOException, InterruptedException {
    int fewest = settings.levels().stream().mapToInt(Integer::intValue).min().orElseThrow();
    if (settings.nodeCounts().stream().anyMatch(nodes -> nodes < 1 || nodes > fewest)) {
      throw new IllegalArgumentException("every node needs a connection: node counts from 1 to " + fewest
          + ", not " + settings.nodeCounts());
    }
    Instant started = Instant.now();
    // An empty database each time, as the other workloads have, so that runs of two builds start alike.
    Suite.recreate(settings.workDir());
    List<NodeCount> counts = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Machine machine;
    try (EmbeddedPostgres database = EmbeddedDatabase.start(settings.workDir().resolve("database"), 0)) {
      machine = Machine.describe(Pgbench.serverVersion(database.getPort()));
      // The server's pid, the first line of its lock file: its backends are its children.
      long postmaster = Long.parseLong(
          Files.readAllLines(settings.workDir().resolve("database/postmaster.pid")).getFirst().strip());
      String url = "jdbc:postgresql://localhost:" + database.getPort() + "/postgres";
      for (int nodes : settings.nodeCounts()) {
        say(nodes + " node(s): starting a fresh cluster");
        try {
          counts.add(measure(settings, nodes, url, postmaster));
        } catch (IOException | RuntimeException e) {
          Suite.failed(nodes + " node(s)", e, failures);
        }
      }
    }
    Results results = new Results(started, machine, counts, Machine.load(), failures, settings);
    ClusterReport.write(results);
    say("Wrote " + settings.report());
    return results;
  }

  private static NodeCount measure(Settings settings, int nodes, String databaseUrl, long postmaster)
      throws IOException, InterruptedException {
    Path work = settings.workDir().resolve("nodes-" + nodes);
    Files.createDirectories(work);
    long starting = System.nanoTime();
    try (StoreCluster cluster = new StoreCluster(nodes, databaseUrl, work)) {
      Duration startup = Duration.ofNanos(System.nanoTime() - starting);
      say(nodes + " node(s): ready; creating carts");
      int highest = settings.levels().getFirst();
      List<Path> carts = new ArrayList<>();
      for (int node = 1; node <= nodes; node++) {
        int count = Math.max(connections(highest, nodes, node) + 1, settings.carts());
        carts.add(Carts.prepare(cluster.baseUrl(node) + "/api/carts", count, work.resolve("carts-node-" + node + ".csv")));
      }
      say(nodes + " node(s): warming up");
      for (String workload : WORKLOADS) {
        ClusterRun.run(cluster, work.resolve("warm-up"), workload, connections(highest, nodes), settings.warmupSeconds(),
            carts, postmaster);
      }
      String load = Machine.load();
      Map<Long, Double> storeBefore = ProcessCpu.read(cluster.processes());
      Map<Long, Double> databaseBefore = ProcessCpu.read(ProcessCpu.database(postmaster));
      long idleFrom = System.nanoTime();
      TimeUnit.SECONDS.sleep(settings.idleSeconds());
      double idleSeconds = (System.nanoTime() - idleFrom) / 1e9;
      double idleStore = ProcessCpu.spent(storeBefore, ProcessCpu.read(cluster.processes())) / idleSeconds;
      double idleDatabase = ProcessCpu.spent(databaseBefore, ProcessCpu.read(ProcessCpu.database(postmaster))) / idleSeconds;
      List<ClusterRun> runs = new ArrayList<>();
      for (int clients : settings.levels()) {
        for (String workload : WORKLOADS) {
          say(nodes + " node(s): wrk " + workload + " at " + clients + " connections through all nodes");
          runs.add(ClusterRun.run(cluster, work, workload, connections(clients, nodes), settings.seconds(), carts, postmaster));
        }
      }
      say(nodes + " node(s): stopping the cluster");
      return new NodeCount(nodes, startup, load, idleStore, idleDatabase, runs);
    }
  }

  /** {@code clients} connections split over the nodes, the first ones taking one more where they do not divide. */
  static List<Integer> connections(int clients, int nodes) {
    return IntStream.rangeClosed(1, nodes).mapToObj(node -> connections(clients, nodes, node)).toList();
  }

  private static int connections(int clients, int nodes, int node) {
    return clients / nodes + (node <= clients % nodes ? 1 : 0);
  }

  private static void say(String step) {
    System.out.println("[benchmark: cluster] " + LocalTime.now().withNano(0) + " " + step);
  }
}
