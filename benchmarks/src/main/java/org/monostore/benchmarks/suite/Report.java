package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** docs/benchmarks.md and its two charts, from the results of one run. */
final class Report {

  /** Hand-written analysis of the misses, kept beside the suite and included in every report. */
  private static final Path ANALYSIS = Path.of("benchmarks/ANALYSIS.md");
  static final int REFERENCE_CLIENTS = 64;
  private static final String FLAME_GRAPH = "benchmarks-flame-cart-writes.svg";
  private static final int LOW_CLIENTS = 8;

  private Report() {}

  static void write(Suite.Results results) throws IOException {
    Path report = results.settings().report();
    Files.createDirectories(report.toAbsolutePath().getParent());
    String throughputChart = "benchmarks-throughput.svg";
    String latencyChart = "benchmarks-p99.svg";
    List<Integer> levels = results.settings().levels();
    Files.writeString(report.resolveSibling(throughputChart),
        Chart.svg("Throughput by concurrency", "requests (transactions) per second", levels,
            series(results, LoadResult::perSecond)));
    Files.writeString(report.resolveSibling(latencyChart),
        Chart.svg("p99 latency by concurrency", "p99 latency, ms", levels, series(results, LoadResult::p99Millis)));

    StringBuilder md = new StringBuilder();
    Machine machine = results.machine();
    md.append("# MonoStore benchmarks\n\n")
        .append("Written by `./monostore benchmark` (or `--single`, which stops after it) from one run that started ")
        .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(results.started().atOffset(ZoneOffset.UTC).withNano(0)))
        .append(" UTC, on this machine, with the store, PostgreSQL, Gatling, wrk and pgbench all on it:\n\n")
        .append(machine.bullets()).append(" (embedded, fsync and synchronous_commit on)\n")
        .append("- the store's JVM: G1 unless named here, 4 GB heap, compact object headers")
        .append(BenchmarkServerProcess.jvmOptions().isEmpty() ? "" : "; " + String.join(" ", BenchmarkServerProcess.jvmOptions()))
        .append("\n")
        .append("- each closed-model run: ").append(results.settings().seconds())
        .append(" s per workload and level, after a ").append(results.settings().warmupSeconds())
        .append(" s warm-up; Gatling's HTML reports are in `").append(shown(results.settings().workDir().resolve("gatling")))
        .append("/` (not in git)\n\n")
        .append("Timings on a shared 2-core machine are noisy: read the ratios between figures of this one run, ")
        .append("not the absolute numbers. The store on one, two and three nodes, and what a request forwarded to ")
        .append("another node costs, is in [").append(Suite.CLUSTER_REPORT).append("](").append(Suite.CLUSTER_REPORT)
        .append(").\n\n");

    if (!results.failures().isEmpty()) {
      md.append("## Steps that failed in this run\n\n");
      results.failures().forEach(failure -> md.append("- ").append(failure).append("\n"));
      md.append("\n");
    }

    md.append("## Targets\n\n| target | this run | goal | met |\n|---|---|---|---|\n");
    for (String[] row : targets(results)) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }

    md.append("\n## Throughput and latency by concurrency\n\n")
        .append("Closed model: each client is one shopper on its own keep-alive connection, sending its next ")
        .append("request when the last was answered. Every cart write is durable before its answer. The checkout ")
        .append("rows count whole orders, nine requests each: orders per second, an order's latency, orders; ")
        .append("their steps are [below](#checkout-whole-orders).\n\n")
        .append("![throughput](").append(throughputChart).append(")\n\n")
        .append("![p99 latency](").append(latencyChart).append(")\n\n")
        .append("| workload | clients | per second | p50 ms | p99 ms | max ms | requests | failed |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    List<LoadResult> all = new ArrayList<>(results.pgbench());
    all.addAll(results.closed());
    results.checkout().forEach(run -> all.add(run.orders()));
    for (LoadResult r : all) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %.1f | %.1f | %,d | %d |%n",
          describe(r.workload()), r.clients(), rate(r.perSecond()), r.p50Millis(), r.p99Millis(), r.maxMillis(),
          r.requests(), r.failed()));
    }
    md.append(Checkout.section(results.checkout(), results.settings()));
    md.append(PromotionLoad.section(results.promotions()));
    md.append(StockLoad.section(results.stock()));

    md.append("\n## The same load from wrk\n\n")
        .append("wrk, a load generator written in C, takes far less of the two shared cores than Gatling's JVM, and the ")
        .append("targets were derived with it. Same levels: `-c` connections (the clients), at most two threads, each ")
        .append("connection sending its next request when the last was answered. Its cart write is one durable ")
        .append("change of a prepared cart's line, an increase and a decrease in turn; Gatling's cycles through add, ")
        .append("increase, decrease and remove. A run with any answer other than 200 is listed as failed above.\n\n")
        .append("| workload | clients | per second | p50 ms | p99 ms | max ms | requests | per second with Gatling |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (LoadResult r : results.wrk()) {
      String gatling = find(results.closed(), r.workload(), r.clients())
          .map(g -> String.format(Locale.ROOT, "%,.0f", g.perSecond())).orElse("-");
      md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %.2f | %.2f | %.2f | %,d | %s |%n",
          describe(r.workload()), r.clients(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.maxMillis(),
          r.requests(), gatling));
    }

    md.append(hotPath(results));

    md.append("\n## Open model: fixed arrival rates at a half and a quarter of the best throughput\n\n")
        .append("Each workload at half its best closed-model throughput (Gatling), then at a quarter. Each arriving ")
        .append("shopper opens a connection of its own and makes 10 requests 50 ms apart. CPU is measured from the ")
        .append("start of Gatling's JVM to its exit; the machine has ").append(results.machine().cores())
        .append(" cores.\n\n")
        .append("| workload | arrivals per second | p50 ms | p99 ms | max ms | requests | failed | cores busy ")
        .append("| store's JVM, µs per request | Gatling, µs per request |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (LoadResult r : results.open()) {
      md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %,d | %d | %s |%n",
          describe(r.workload()), r.rate(), r.p50Millis(), r.p99Millis(), r.maxMillis(), r.requests(), r.failed(),
          cpu(r)));
    }
    md.append("\nThe same measured in the closed model at ").append(Suite.profiledClients(results.settings())).append(" clients: ")
        .append(closedCpu(results, "product-lookup")).append("; ").append(closedCpu(results, "cart-write")).append(".\n");
    Suite.Gc gc = results.gc();
    md.append("\nGC pauses of the store's JVM (its log: `").append(shown(gc.log())).append("`): during the load runs (from the warm-up on), ")
        .append(pauses(gc.load())).append("; during the open-model runs alone, ").append(pauses(gc.open())).append(".\n");

    Map<String, Object> lifetime = results.lifetime();
    md.append("\n## Memory and lifetime\n\n")
        .append(String.format(Locale.ROOT,
            "%,.0f carts of %s lines each were filled through the actors (%s found awake), then left idle until all had "
                + "passivated (idle timeout %s s). Heap is measured after full collections; the awake carts' %s s after "
                + "the last was filled, once the timeouts of the asks that filled them had come due (a pending "
                + "timeout is the asker's heap, not the cart's).%n%n",
            number(lifetime, "carts"), lifetime.get("linesPerCart"), lifetime.get("liveCartsCounted"),
            lifetime.get("idleTimeoutSeconds"), lifetime.get("measuredAfterFillSeconds")))
        .append("| heap before | heap with all carts awake | heap after they passivated | per awake cart | per passivated cart |\n")
        .append("|---|---|---|---|---|\n")
        .append(String.format(Locale.ROOT, "| %.1f MB | %.1f MB | %.1f MB | %,.0f bytes | %,.0f bytes |%n%n",
            number(lifetime, "heapBaselineBytes") / 1e6, number(lifetime, "heapActiveBytes") / 1e6,
            number(lifetime, "heapPassivatedBytes") / 1e6, number(lifetime, "bytesPerActiveCart"),
            number(lifetime, "bytesPerPassivatedCart")))
        .append(classTable(lifetime))
        .append("Waking a passivated cart: one read of a cart that has the given number of events behind it ")
        .append("(a snapshot every 100 events), timed in the server.\n\n")
        .append("| events per cart | carts | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
    for (Map<String, Object> wake : wakeUps(lifetime)) {
      md.append(String.format(Locale.ROOT, "| %,.0f | %,.0f | %.2f | %.2f | %.2f |%n", number(wake, "eventsPerCart"),
          number(wake, "carts"), number(wake, "p50Millis"), number(wake, "p99Millis"), number(wake, "maxMillis")));
    }
    if (results.readModelsCaughtUp() != null) {
      md.append(String.format(Locale.ROOT, "%nThe read models (the admin's projections) then took %.0f s to project "
          + "the events these carts wrote; the load runs below started once they had.%n",
          results.readModelsCaughtUp().toMillis() / 1000.0));
    }

    md.append("\n## The references\n\n")
        .append("- **pgbench single-row insert**: pgbench on the store's own PostgreSQL, one `INSERT` of one row per ")
        .append("transaction, at the same client count: the physical limit for one durable write per request.\n")
        .append("- **ping**: a constant JSON answer from the same server (`/bench/ping`): the HTTP stack's own ceiling.\n")
        .append("- **wrk**: the same HTTP load from a C load generator, beside Gatling's, so that each ratio to pgbench ")
        .append("and to ping is read with both: what a ratio gains with wrk is the load generator's share of the miss.\n")
        .append("- **JDBC baseline**: a transaction-per-request cart on the same HTTP stack and database ")
        .append("(`/bench/jdbc-carts`, in the benchmark module only): lock the cart row, read its lines and the ")
        .append("product's price, change the rows, commit.\n");
    if (Files.exists(ANALYSIS)) {
      md.append("\n").append(Files.readString(ANALYSIS).strip()).append("\n");
    }
    Files.writeString(report, md.toString());
  }

  /** The flame graph of the wrk cart writes, written beside the report, and the figures it is drawn from. */
  private static String hotPath(Suite.Results results) throws IOException {
    int clients = Suite.profiledClients(results.settings());
    StringBuilder md = new StringBuilder("\n## Profile of the hot path\n\n");
    FlameGraph graph = results.hotPath();
    if (graph == null) {
      return md.append("No profile in this run: see the steps that failed.\n").toString();
    }
    Files.writeString(results.settings().report().resolveSibling(FLAME_GRAPH),
        graph.svg("Cart writes at " + clients + " clients (wrk): where the store's JVM ran"));
    md.append("JFR's execution samples of the store's JVM (every running Java thread each 10 ms) while wrk drove ")
        .append("cart writes at ").append(clients).append(" clients: ").append(String.format(Locale.ROOT, "%,d", graph.samples()))
        .append(" samples. Each frame is as wide as its share of them, its callees above it; hover over one for its ")
        .append("figures. The recording, for JDK Mission Control: `").append(shown(results.settings().hotPathRecording())).append("`.\n\n")
        .append("![flame graph of the cart writes](").append(FLAME_GRAPH).append(")\n\n")
        .append("The frames most often found running:\n\n| frame | kind | samples | share |\n|---|---|---|---|\n");
    for (Map.Entry<String, Long> frame : graph.topSelf(10)) {
      md.append(String.format(Locale.ROOT, "| `%s` | %s | %,d | %.1f%% |%n", frame.getKey(),
          FlameGraph.Kind.of(frame.getKey()).label, frame.getValue(), 100.0 * frame.getValue() / graph.samples()));
    }
    md.append("\nThe samples by whose code ran, each counted for its innermost frame outside the JDK (the JDK's own ")
        .append("work is its caller's cost; JDK: samples wholly in it):\n\n| kind | samples | share |\n|---|---|---|\n");
    for (Map.Entry<FlameGraph.Kind, Long> kind : graph.byKind()) {
      md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f%% |%n", kind.getKey().label, kind.getValue(),
          100.0 * kind.getValue() / graph.samples()));
    }
    return md.toString();
  }

  private static List<String[]> targets(Suite.Results results) {
    List<String[]> rows = new ArrayList<>();
    Optional<LoadResult> writes64 = closed(results, "cart-write", REFERENCE_CLIENTS);
    Optional<LoadResult> writes8 = closed(results, "cart-write", LOW_CLIENTS);
    Optional<LoadResult> pg64 = pgbench(results, REFERENCE_CLIENTS);
    Optional<LoadResult> pg8 = pgbench(results, LOW_CLIENTS);
    rows.add(ratioRow("cart writes / pgbench inserts, 64 clients", writes64, pg64, 1.0));
    rows.add(ratioRow("cart writes / pgbench inserts, 64 clients (wrk)",
        find(results.wrk(), "cart-write", REFERENCE_CLIENTS), pg64, 1.0));
    rows.add(ratioRow("cart writes / pgbench inserts, 8 clients", writes8, pg8, 0.5));
    rows.add(ratioRow("cart writes / pgbench inserts, 8 clients (wrk)",
        find(results.wrk(), "cart-write", LOW_CLIENTS), pg8, 0.5));
    Optional<LoadResult> jdbc64 = closed(results, "jdbc-cart-write", REFERENCE_CLIENTS);
    rows.add(ratioRow("cart writes / JDBC baseline writes, 64 clients", writes64, jdbc64, 3.0));
    rows.add(writes64.isPresent() && jdbc64.isPresent()
        ? new String[] {"cart write p99 vs JDBC baseline p99, 64 clients",
            String.format(Locale.ROOT, "%.1f ms vs %.1f ms", writes64.get().p99Millis(), jdbc64.get().p99Millis()),
            "equal or better", yes(writes64.get().p99Millis() <= jdbc64.get().p99Millis())}
        : notMeasured("cart write p99 vs JDBC baseline p99, 64 clients", "equal or better"));
    rows.add(ratioRow("product lookups / ping, 64 clients",
        closed(results, "product-lookup", REFERENCE_CLIENTS), closed(results, "ping", REFERENCE_CLIENTS), 0.8));
    rows.add(ratioRow("product lookups / ping, 64 clients (wrk)",
        find(results.wrk(), "product-lookup", REFERENCE_CLIENTS), find(results.wrk(), "ping", REFERENCE_CLIENTS), 0.8));
    open(results, "product-lookup").ifPresent(r -> rows.add(new String[] {
        "product lookup p99 at half the best throughput (" + r.rate() + "/s)",
        String.format(Locale.ROOT, "%.1f ms", r.p99Millis()), "under 5 ms", yes(r.p99Millis() < 5)}));
    open(results, "line-update").ifPresent(r -> rows.add(new String[] {
        "cart write p99 at half the best throughput (" + r.rate() + "/s)",
        String.format(Locale.ROOT, "%.1f ms", r.p99Millis()), "under 10 ms", yes(r.p99Millis() < 10)}));
    String withPromotions = "cart writes with " + PromotionLoad.PROMOTIONS + " active promotions / without, "
        + Suite.profiledClients(results.settings()) + " clients (wrk)";
    rows.add(PromotionLoad.ratio(results.promotions())
        .map(ratio -> new String[] {withPromotions, String.format(Locale.ROOT, "%.2fx", ratio), "at least 0.90x",
            yes(ratio >= 0.9)})
        .orElse(notMeasured(withPromotions, "at least 0.90x")));
    PromotionLoad.Drop drop = results.promotions().drop();
    rows.add(drop == null ? notMeasured("coupon drop: orders paid with the code", "exactly its uses")
        : new String[] {"coupon drop: orders paid with the code, " + drop.shoppers() + " shoppers at once",
            String.format(Locale.ROOT, "%,d of %,d uses", drop.paidWithCode(), drop.uses()), "exactly its uses",
            yes(drop.paidWithCode() == drop.uses())});
    for (StockLoad.Run run : results.stock().runs().stream()
        .filter(run -> !run.system().equals(StockLoad.ENTITY_ALONE_SYSTEM)).toList()) {
      int sellable = Math.min(run.units(), run.shoppers());
      rows.add(new String[] {"stock drop through the " + run.system() + ": units reserved, " + run.skus()
          + (run.skus() == 1 ? " SKU, " : " SKUs, ") + String.format(Locale.ROOT, "%,d", run.shoppers())
          + " shoppers", String.format(Locale.ROOT, "%,d of %,d units", run.reserved(), run.units()),
          "exactly its units", yes(run.reserved() == sellable && run.failed() == 0)});
    }
    Map<String, Object> lifetime = results.lifetime();
    double perCart = number(lifetime, "bytesPerActiveCart");
    rows.add(new String[] {"retained heap per awake 5-line cart", String.format(Locale.ROOT, "%,.0f bytes", perCart),
        "under 2,048 bytes", yes(perCart < 2048)});
    double perPassivated = number(lifetime, "bytesPerPassivatedCart");
    rows.add(new String[] {"heap per passivated cart", String.format(Locale.ROOT, "%,.0f bytes", perPassivated),
        "zero (within 64 bytes of noise)", yes(perPassivated < 64)});
    wakeUps(lifetime).stream().filter(w -> number(w, "eventsPerCart") == 1000).findFirst().ifPresent(w -> rows.add(
        new String[] {"waking a passivated cart with 1,000 events, p99",
            String.format(Locale.ROOT, "%.2f ms", number(w, "p99Millis")), "within 20 ms", yes(number(w, "p99Millis") <= 20)}));
    return rows;
  }

  private static String[] ratioRow(String name, Optional<LoadResult> measured, Optional<LoadResult> reference, double goal) {
    if (measured.isEmpty() || reference.isEmpty() || reference.get().perSecond() == 0) {
      return notMeasured(name, String.format(Locale.ROOT, "at least %.1fx", goal));
    }
    double ratio = measured.get().perSecond() / reference.get().perSecond();
    return new String[] {name,
        String.format(Locale.ROOT, "%,.0f/s vs %,.0f/s = %.2fx", measured.get().perSecond(), reference.get().perSecond(), ratio),
        String.format(Locale.ROOT, "at least %.1fx", goal), yes(ratio >= goal)};
  }

  /** A rate as the table shows it: a whole number, with one decimal below 100 (whole orders per second). */
  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, perSecond < 100 ? "%.1f" : "%,.0f", perSecond);
  }

  private static String[] notMeasured(String name, String goal) {
    return new String[] {name, "not measured in this run", goal, "-"};
  }

  private static String yes(boolean met) {
    return met ? "yes" : "**no**";
  }

  private static Optional<LoadResult> closed(Suite.Results results, String workload, int clients) {
    return find(results.closed(), workload, clients);
  }

  private static Optional<LoadResult> find(List<LoadResult> runs, String workload, int clients) {
    return runs.stream().filter(r -> r.workload().equals(workload) && r.clients() == clients).findFirst();
  }

  private static Optional<LoadResult> pgbench(Suite.Results results, int clients) {
    return results.pgbench().stream().filter(r -> r.clients() == clients).findFirst();
  }

  /** Cores busy, then the store's and Gatling's CPU per request, as table cells. */
  private static String cpu(LoadResult r) {
    if (!measured(r)) {
      return "- | - | -";
    }
    CpuUse cpu = r.cpu();
    return String.format(Locale.ROOT, "%.2f | %,.0f | %,.0f", cpu.busyCores(), cpu.storeMicrosPerRequest(r.requests()),
        cpu.generatorMicrosPerRequest(r.requests()));
  }

  private static String closedCpu(Suite.Results results, String workload) {
    return find(results.closed(), workload, Suite.profiledClients(results.settings())).filter(Report::measured)
        .map(r -> String.format(Locale.ROOT, "%s %.2f cores busy, the store's JVM %,.0f µs and Gatling %,.0f µs per request",
            describe(workload), r.cpu().busyCores(), r.cpu().storeMicrosPerRequest(r.requests()),
            r.cpu().generatorMicrosPerRequest(r.requests())))
        .orElse(describe(workload) + " not measured");
  }

  private static boolean measured(LoadResult r) {
    return !Double.isNaN(r.cpu().busySeconds()) && !Double.isNaN(r.cpu().storeSeconds()) && r.requests() > 0;
  }

  /** The open-model run of the targets: the one at half the best throughput, the highest rate. */
  private static Optional<LoadResult> open(Suite.Results results, String workload) {
    return results.open().stream().filter(r -> r.workload().equals(workload))
        .max(Comparator.comparingInt(LoadResult::rate));
  }

  private static String pauses(GcLog.Pauses pauses) {
    if (pauses.count() == 0) {
      return "no pause";
    }
    return String.format(Locale.ROOT, "%,d pauses, %,.0f ms in all, the longest %.1f ms",
        pauses.count(), pauses.totalMillis(), pauses.maxMillis());
  }

  /** A path of the run as the report shows it: relative to where the suite ran, when it is under it. */
  private static Path shown(Path path) {
    Path here = Path.of("").toAbsolutePath();
    return path.startsWith(here) ? here.relativize(path) : path;
  }

  private static Map<String, List<Chart.Point>> series(Suite.Results results, ToDoubleFunction<LoadResult> value) {
    Map<String, List<Chart.Point>> series = new LinkedHashMap<>();
    List<LoadResult> all = new ArrayList<>(results.pgbench());
    all.addAll(results.closed());
    for (LoadResult r : all) {
      series.computeIfAbsent(describe(r.workload()), name -> new ArrayList<>())
          .add(new Chart.Point(r.clients(), value.applyAsDouble(r)));
    }
    return series;
  }

  private static String describe(String workload) {
    return switch (workload) {
      case "ping" -> "ping (HTTP ceiling)";
      case "product-lookup" -> "product lookups";
      case "cart-read" -> "cart reads";
      case "cart-write" -> "cart writes";
      case "jdbc-cart-read" -> "JDBC baseline reads";
      case "jdbc-cart-write" -> "JDBC baseline writes";
      case "shop-mix" -> "shop mix";
      case "line-update" -> "cart writes (set quantity)";
      case Checkout.WORKLOAD -> "checkout (whole orders)";
      default -> workload;
    };
  }

  /** Where an awake cart's bytes go: the classes that grew most, from two class histograms. */
  @SuppressWarnings("unchecked")
  private static String classTable(Map<String, Object> lifetime) {
    List<Map<String, Object>> rows = (List<Map<String, Object>>) lifetime.getOrDefault("bytesPerActiveCartByClass", List.of());
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder table = new StringBuilder("Where an awake cart's heap goes (live objects by class, after minus before):\n\n")
        .append("| class | objects per cart | bytes per cart |\n|---|---|---|\n");
    for (Map<String, Object> row : rows) {
      table.append(String.format(Locale.ROOT, "| `%s` | %.2f | %,.0f |%n",
          row.get("class"), number(row, "instancesPerCart"), number(row, "bytesPerCart")));
    }
    return table.append("\n").toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> wakeUps(Map<String, Object> lifetime) {
    return (List<Map<String, Object>>) lifetime.getOrDefault("wakeUps", List.of());
  }

  private static double number(Map<String, Object> map, String key) {
    return map.get(key) instanceof Number n ? n.doubleValue() : 0;
  }
}
