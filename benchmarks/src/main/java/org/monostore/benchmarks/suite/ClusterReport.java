package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** docs/benchmarks-cluster.md: the runs of the store on one, two and three nodes, and what a forwarded request costs. */
final class ClusterReport {

  /** Hand-written reading of the figures, kept beside the suite and included in every report. */
  private static final Path ANALYSIS = Path.of("benchmarks/ANALYSIS-cluster.md");

  private ClusterReport() {}

  static void write(ClusterBenchmark.Results results) throws IOException {
    ClusterBenchmark.Settings settings = results.settings();
    Machine machine = results.machine();
    StringBuilder md = new StringBuilder("# MonoStore benchmarks: one, two and three nodes\n\n")
        .append("Written by `./monostore benchmark --cluster` (and by the whole `./monostore benchmark`, after ")
        .append("[the single-node report](benchmarks.md)) from one run that started ")
        .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(results.started().atOffset(ZoneOffset.UTC).withNano(0)))
        .append(" UTC, on this machine, with every node, PostgreSQL and wrk on it:\n\n")
        .append(machine.bullets()).append(" (embedded, fsync and synchronous_commit on), one server for every node count\n")
        .append("- each node: the store's jar as `./monostore cluster` starts it, G1 unless named here, ")
        .append(StoreCluster.HEAP).append(" heap, compact object headers")
        .append(BenchmarkServerProcess.jvmOptions().isEmpty() ? "" : "; " + String.join(" ", BenchmarkServerProcess.jvmOptions()))
        .append("\n- load averages (1, 5, 15 minutes) before each node count's runs: ")
        .append(results.counts().stream().map(c -> c.nodes() + " node(s) " + c.loadBefore()).collect(Collectors.joining("; ")))
        .append("; after the last: ").append(results.loadAfter())
        .append(". A load above ").append(machine.cores())
        .append(" means other work shared the cores, and the figures below are the worse for it.\n\n");

    if (!results.failures().isEmpty()) {
      md.append("## Steps that failed in this run\n\n");
      results.failures().forEach(failure -> md.append("- ").append(failure).append("\n"));
      md.append("\n");
    }

    md.append("## One, two and three nodes\n\n")
        .append("**These runs cannot show scale-out.** Every node shares the same ").append(machine.cores())
        .append(" cores with PostgreSQL and wrk: a second node adds no CPU, only a second JVM competing for it, so the ")
        .append("throughput cannot grow with the node count, and falls by what the cluster costs. That cost is what ")
        .append("they show. A request reaches the node it was sent to; when its entity (the cart, the product) lives ")
        .append("on another node, it is forwarded there over cluster remoting and the answer comes back the same way. ")
        .append("With N nodes and the requests spread evenly, about (N-1)/N of them are. A cart's line change also asks ")
        .append("the product for its price, which is forwarded too when the product lives on another node than the cart.\n\n")
        .append("Per node count: a fresh cluster; carts created up front through each node (")
        .append("each node's wrk edits the carts created through it; where a cart lives is set by the shard of its id, ")
        .append("not by the node that created it); a warm-up of ").append(settings.warmupSeconds())
        .append(" s per workload; then ").append(settings.seconds()).append(" s of each workload at each level: ")
        .append(settings.levels().stream().map(clients -> clients + " connections in all, split over one wrk per node ("
            + settings.nodeCounts().stream().map(n -> ClusterBenchmark.connections(clients, n).stream()
                .map(String::valueOf).collect(Collectors.joining("+"))).collect(Collectors.joining(", ")) + ")")
            .collect(Collectors.joining("; ")))
        .append(". The highest is the single-node suite's reference level; the lower one has fewer requests in flight, ")
        .append("so less queueing behind one another, though wrk still keeps the cores busy. The share forwarded is counted from where each shard lives after the run (Pekko Management's ")
        .append("`/cluster/shards`) and the entities each wrk asked for. CPU is the sum over the processes, from ")
        .append("`/proc`: the store's nodes, PostgreSQL's server and backends, the wrk processes. wrk gives each ")
        .append("process's percentiles only: p50 is the nodes' p50s weighted by their requests, p99 the slowest node's.\n\n")
        .append("| nodes | connections | workload | per second | p50 ms | p99 ms | requests forwarded | price asks forwarded ")
        .append("| store's nodes, µs per request | PostgreSQL, µs per request | wrk, µs per request | cores busy |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (ClusterBenchmark.NodeCount count : results.counts()) {
      for (ClusterRun run : count.runs()) {
        md.append(String.format(Locale.ROOT, "| %d | %d | %s | %,.0f | %.2f | %.2f | %.0f%% | %s | %,.0f | %,.0f | %,.0f | %.2f |%n",
            run.nodes(), run.clients(), describe(run.workload()), run.perSecond(), run.p50Millis(), run.p99Millis(), 100 * run.forwarded(),
            run.workload().equals("cart-write") ? String.format(Locale.ROOT, "%.0f%%", 100 * run.priceAsksForwarded()) : "-",
            run.storeMicrosPerRequest(), run.databaseMicrosPerRequest(), run.generatorMicrosPerRequest(), run.busyCores()));
      }
    }
    md.append("\nThe clusters at rest, measured for ").append(settings.idleSeconds())
        .append(" s after the warm-up (heartbeats, gossip, the read models' polling, each node's own timers):\n\n")
        .append("| nodes | ready after s | store's nodes, cores at rest | PostgreSQL, cores at rest |\n|---|---|---|---|\n");
    for (ClusterBenchmark.NodeCount count : results.counts()) {
      md.append(String.format(Locale.ROOT, "| %d | %.0f | %.3f | %.3f |%n", count.nodes(), count.startup().toMillis() / 1000.0,
          count.idleStoreCores(), count.idleDatabaseCores()));
    }

    md.append("\n### The cost of a forwarded request\n\n")
        .append("Each row against the same workload on one node: what a request costs more, divided by the forwarded ")
        .append("messages per request (requests forwarded, plus price asks forwarded). The extra CPU is spent on both ")
        .append("nodes (serializing, remoting over loopback TCP, deserializing, and the same for the answer), and also ")
        .append("holds what more JVMs on the same cores cost by themselves (their rest cost above, more threads to ")
        .append("schedule, colder caches): read it as an upper bound for nodes with cores of their own. The extra ")
        .append("latency is the same on two cores: a forwarded request waits for CPU twice.\n\n")
        .append("| workload | connections | nodes | forwarded messages per request | store's CPU per request, more µs | per forwarded message, µs ")
        .append("| p50, more ms | per forwarded message, ms |\n|---|---|---|---|---|---|---|---|\n");
    for (int clients : settings.levels()) {
      for (String workload : ClusterBenchmark.WORKLOADS) {
        for (ClusterBenchmark.NodeCount count : results.counts()) {
          forwarding(results, workload, clients, count.nodes()).ifPresent(f -> md.append(String.format(Locale.ROOT,
              "| %s | %d | %d | %.2f | %,.0f | %,.0f | %.2f | %.2f |%n", describe(workload), clients, f.many().nodes(),
            f.many().forwardedPerRequest(), f.extraMicros(), f.microsPerMessage(), f.extraP50Millis(),
              f.extraP50Millis() / f.many().forwardedPerRequest())));
        }
      }
    }
    md.append(perCore(results));
    if (Files.exists(ANALYSIS)) {
      md.append("\n").append(Files.readString(ANALYSIS).strip()).append("\n");
    }
    Files.createDirectories(settings.report().toAbsolutePath().getParent());
    Files.writeString(settings.report(), md.toString());
  }

  /**
   * The figures to size a cluster by: a request's CPU on one node, what forwarding adds per message
   * (from the largest cluster measured), and what a request costs on a cluster of n nodes.
   */
  private static String perCore(ClusterBenchmark.Results results) {
    StringBuilder md = new StringBuilder("\n### Per-core figures for sizing\n\n")
        .append("A request on a cluster of n nodes costs its CPU on one node plus, for each message that can be ")
        .append("forwarded, (n-1)/n of the cost of forwarding one: the cost per message is taken from the largest ")
        .append("cluster measured, the messages per request from its share forwarded scaled to all nodes ((n-1)/n ")
        .append("of them are forwarded). PostgreSQL's CPU per request does not depend on the node count. ")
        .append("[docs/production.md](production.md) sizes nodes and the database from these figures.\n\n")
        .append("| workload | connections | store's CPU per request, 1 node, µs | per forwarded message, µs | messages that can be forwarded ")
        .append("| store's CPU per request, 3 nodes, µs | requests per store core, 3 nodes | requests per store core, many nodes ")
        .append("| PostgreSQL, µs per request | requests per PostgreSQL core |\n|---|---|---|---|---|---|---|---|---|---|\n");
    int largest = results.counts().stream().mapToInt(ClusterBenchmark.NodeCount::nodes).max().orElse(1);
    for (int clients : results.settings().levels()) {
      for (String workload : ClusterBenchmark.WORKLOADS) {
        forwarding(results, workload, clients, largest).ifPresent(f -> md.append(perCoreRow(f, largest)));
      }
    }
    return md.toString();
  }

  private static String perCoreRow(Forwarding f, int largest) {
    ClusterRun one = f.one();
    double messages = f.many().forwardedPerRequest() * largest / (largest - 1);
    double atThree = one.storeMicrosPerRequest() + f.microsPerMessage() * messages * 2 / 3;
    double atMany = one.storeMicrosPerRequest() + f.microsPerMessage() * messages;
    return String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %.2f | %,.0f | %,.0f/s | %,.0f/s | %,.0f | %s |%n",
        describe(one.workload()), one.clients(), one.storeMicrosPerRequest(), f.microsPerMessage(), messages, atThree,
        1e6 / atThree, 1e6 / atMany, one.databaseMicrosPerRequest(), one.databaseMicrosPerRequest() >= 1
            ? String.format(Locale.ROOT, "%,.0f/s", 1e6 / one.databaseMicrosPerRequest()) : "-");
  }

  /** A workload on one node and on {@code nodes}, where some of its requests were forwarded. */
  private record Forwarding(ClusterRun one, ClusterRun many) {

    double extraMicros() {
      return many.storeMicrosPerRequest() - one.storeMicrosPerRequest();
    }

    double microsPerMessage() {
      return extraMicros() / many.forwardedPerRequest();
    }

    double extraP50Millis() {
      return many.p50Millis() - one.p50Millis();
    }
  }

  private static Optional<Forwarding> forwarding(ClusterBenchmark.Results results, String workload, int clients,
      int nodes) {
    return run(results, workload, clients, 1).flatMap(one -> run(results, workload, clients, nodes)
        .filter(many -> many.forwardedPerRequest() > 0).map(many -> new Forwarding(one, many)));
  }

  private static Optional<ClusterRun> run(ClusterBenchmark.Results results, String workload, int clients, int nodes) {
    return results.counts().stream().filter(c -> c.nodes() == nodes).flatMap(c -> c.runs().stream())
        .filter(r -> r.workload().equals(workload) && r.clients() == clients).findFirst();
  }

  private static String describe(String workload) {
    return workload.equals("cart-write") ? "cart writes" : "product lookups";
  }
}
