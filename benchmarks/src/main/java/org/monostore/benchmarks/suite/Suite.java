package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.monostore.benchmarks.simulations.StoreLoad;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole benchmark suite in one run on one machine: a freshly started store, the references
 * beside it (pgbench on the same PostgreSQL, a constant endpoint and a JDBC cart on the same HTTP
 * stack), Gatling and wrk runs at each concurrency level, Gatling at fixed arrival rates, whole
 * checkouts at each level, the memory and wake-up measurements, the server's GC pauses, and the report
 * with its charts.
 */
public final class Suite {

  /** The cart workloads, on the store and on the JDBC baseline. */
  static final List<String> WORKLOADS =
      List.of("ping", "product-lookup", "cart-read", "cart-write", "jdbc-cart-read", "jdbc-cart-write", "shop-mix");

  public record Settings(
      List<Integer> levels, int seconds, int warmupSeconds, int lifetimeCarts, int wakeCarts, String wakeEvents,
      Duration idleTimeout, Path workDir, Path report) {

    public static Settings full(Path report, List<Integer> levels, int seconds) {
      return new Settings(levels, seconds, 30, 100_000, 100, "10,100,1000", Duration.ofSeconds(30),
          Path.of("benchmarks/target/benchmark-run").toAbsolutePath(), report);
    }

    /** Every step, briefly: proves the suite runs, measures nothing worth reading. */
    public static Settings smoke(Path workDir) {
      return new Settings(List.of(2), 2, 2, 200, 4, "10,150", Duration.ofSeconds(2), workDir,
          workDir.resolve("benchmarks.md"));
    }

    /** The same settings for one workload run alone, in a folder of its own, its report there too. */
    public Settings alone(Path folder, String reportName) {
      return new Settings(levels, seconds, warmupSeconds, lifetimeCarts, wakeCarts, wakeEvents, idleTimeout, folder,
          folder.resolve(reportName));
    }

    /** The JFR recording of the profiled cart writes, kept for JDK Mission Control. */
    public Path hotPathRecording() {
      return workDir.resolve("cart-writes.jfr");
    }
  }

  /** The report of the runs on one, two and three nodes, beside the single-node one. */
  static final String CLUSTER_REPORT = "benchmarks-cluster.md";

  /** The open model's arrival rates: a half and a quarter of a workload's best closed-model throughput. */
  private static final List<Integer> OPEN_MODEL_DIVISORS = List.of(2, 4);

  /**
   * What one run measured; hotPath, the profile of the cart writes, is null when it could not be taken;
   * readModelsCaughtUp, how long the read models took to project the memory test's events, is null for
   * a store without them.
   */
  record Results(
      Instant started, Machine machine, Map<String, Object> lifetime, Duration readModelsCaughtUp,
      List<LoadResult> closed,
      List<LoadResult> wrk, List<LoadResult> pgbench, List<LoadResult> open, List<Checkout.Run> checkout,
      PromotionLoad.Results promotions, StockLoad.Results stock, Gc gc, FlameGraph hotPath, List<String> failures,
      Settings settings) {}

  /** The server's GC pauses: during all the load runs (from the warm-up on), and during the open model's. */
  record Gc(Path log, GcLog.Pauses load, GcLog.Pauses open) {}

  /** One measurement of the suite; a failed one is reported, and the others still run. */
  interface Step {
    LoadResult measure() throws IOException, InterruptedException;
  }

  private static void attempt(String name, List<LoadResult> into, List<String> failures, Step step)
      throws InterruptedException {
    say(name);
    try {
      into.add(step.measure());
    } catch (IOException | RuntimeException e) {
      failed(name, e, failures);
    }
  }

  /** A step that failed goes into the report's list of failures, and is said at once. */
  static void failed(String name, Exception e, List<String> failures) {
    failures.add(name + ": " + e.getMessage());
    say("FAILED: " + name + ": " + e.getMessage());
  }

  /** The wrk run profiled for the report: cart writes at the reference level, else at the highest measured. */
  static int profiledClients(Settings settings) {
    return settings.levels().contains(Report.REFERENCE_CLIENTS) ? Report.REFERENCE_CLIENTS : settings.levels().getLast();
  }

  private Suite() {}

  public static void main(String[] args) throws Exception {
    Path report = Path.of("docs/benchmarks.md");
    List<Integer> levels = List.of(1, 8, 64, 256);
    int seconds = 20;
    List<Integer> nodes = List.of(1, 2, 3);
    boolean clusterOnly = false;
    boolean singleOnly = false;
    boolean checkoutOnly = false;
    boolean promotionsOnly = false;
    boolean stockOnly = false;
    for (String arg : args) {
      if (arg.startsWith("--report=")) {
        report = Path.of(arg.substring("--report=".length()));
      } else if (arg.startsWith("--levels=")) {
        levels = Arrays.stream(arg.substring("--levels=".length()).split(",")).map(Integer::valueOf).toList();
      } else if (arg.startsWith("--seconds=")) {
        seconds = Integer.parseInt(arg.substring("--seconds=".length()));
      } else if (arg.startsWith("--nodes=")) {
        nodes = Arrays.stream(arg.substring("--nodes=".length()).split(",")).map(Integer::valueOf).toList();
      } else if (arg.equals("--cluster")) {
        clusterOnly = true;
      } else if (arg.equals("--single")) {
        singleOnly = true;
      } else if (arg.equals("--only=" + Checkout.WORKLOAD)) {
        checkoutOnly = true;
      } else if (arg.equals("--only=" + PromotionLoad.WORKLOAD)) {
        promotionsOnly = true;
      } else if (arg.equals("--only=" + StockLoad.WORKLOAD)) {
        stockOnly = true;
      } else {
        throw new IllegalArgumentException("unknown argument " + arg
            + " (--report=, --levels=, --seconds=, --nodes=, --cluster, --single, --only=" + Checkout.WORKLOAD
            + ", --only=" + PromotionLoad.WORKLOAD + ", --only=" + StockLoad.WORKLOAD + ")");
      }
    }
    if (checkoutOnly) {
      Settings suite = Settings.full(report.toAbsolutePath(), levels, seconds);
      Checkout.alone(suite.alone(suite.workDir().resolveSibling("benchmark-checkout"), "checkout.md"));
      return;
    }
    if (promotionsOnly) {
      Settings suite = Settings.full(report.toAbsolutePath(), levels, seconds);
      PromotionLoad.alone(suite.alone(suite.workDir().resolveSibling("benchmark-promotions"), "promotions.md"));
      return;
    }
    if (stockOnly) {
      Settings suite = Settings.full(report.toAbsolutePath(), levels, seconds);
      StockLoad.alone(suite.alone(suite.workDir().resolveSibling("benchmark-stock"), "stock.md"));
      return;
    }
    if (!clusterOnly) {
      run(Settings.full(report.toAbsolutePath(), levels, seconds));
    }
    if (singleOnly) {
      return;
    }
    ClusterBenchmark.run(ClusterBenchmark.Settings.full(
        report.toAbsolutePath().resolveSibling(CLUSTER_REPORT), nodes, seconds));
  }

  public static Results run(Settings settings) throws IOException, InterruptedException {
    Instant started = Instant.now();
    recreate(settings.workDir());
    List<LoadResult> closed = new ArrayList<>();
    List<LoadResult> wrk = new ArrayList<>();
    List<LoadResult> pgbench = new ArrayList<>();
    List<LoadResult> open = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Map<String, Object> lifetime;
    Duration readModelsCaughtUp;
    Machine machine;
    Instant loadStarted;
    Instant openStarted;
    Instant openEnded;
    List<Checkout.Run> checkout;
    PromotionLoad.Results promotions;
    StockLoad.Results stock;
    Path gcLog;
    JfrProfile hotPath;
    try (BenchmarkServerProcess server = new BenchmarkServerProcess(settings, freePort(), freePort())) {
      server.awaitReady(Duration.ofMinutes(3));
      machine = Machine.describe(Pgbench.serverVersion(server.databasePort()));
      say("Measuring memory and wake-up of " + settings.lifetimeCarts() + " carts");
      lifetime = lifetime(server, settings);
      say("Waiting for the read models to catch up");
      readModelsCaughtUp = ReadModels.awaitCaughtUp(server.databasePort(), Duration.ofMinutes(20));

      hotPath = new JfrProfile(server.pid(), settings.hotPathRecording(), failures);
      loadStarted = Instant.now();
      warmUp(settings, server);

      for (int clients : settings.levels()) {
        attempt("pgbench at " + clients + " clients", pgbench, failures,
            () -> Pgbench.run(settings, server.databasePort(), clients, settings.seconds()));
        for (String workload : WORKLOADS) {
          attempt(workload + " at " + clients + " clients", closed, failures,
              () -> run(settings, server, workload, clients, 0, settings.seconds()));
        }
        for (String workload : WrkRun.WORKLOADS) {
          boolean profiled = workload.equals("cart-write") && clients == profiledClients(settings);
          attempt("wrk: " + workload + " at " + clients + " clients", wrk, failures, () -> {
            Path carts = carts(settings, server, "wrk-" + workload + "-" + clients, workload, clients);
            Step load = () -> WrkRun.run(settings, server.baseUrl(), workload, clients, settings.seconds(), carts);
            return profiled ? hotPath.during(load) : load.measure();
          });
        }
      }
      openStarted = Instant.now();
      for (int divisor : OPEN_MODEL_DIVISORS) {
        int readRate = shareOfBest(closed, "product-lookup", divisor, settings.seconds());
        int writeRate = shareOfBest(closed, "cart-write", divisor, settings.seconds());
        attempt("open model: product lookups at " + readRate + "/s", open, failures,
            () -> run(settings, server, "product-lookup", 0, readRate, settings.seconds()));
        attempt("open model: cart writes at " + writeRate + "/s", open, failures,
            () -> run(settings, server, "line-update", 0, writeRate, settings.seconds()));
      }
      openEnded = Instant.now();
      checkout = Checkout.measure(settings, server, failures);
      promotions = PromotionLoad.measure(settings, server, failures);
      stock = StockLoad.measure(settings, server, failures);
      gcLog = server.gcLog();
    }
    Instant ended = Instant.now();
    Gc gc = new Gc(gcLog, GcLog.pauses(gcLog, loadStarted, ended), GcLog.pauses(gcLog, openStarted, openEnded));
    Results results = new Results(started, machine, lifetime, readModelsCaughtUp, closed, wrk, pgbench, open, checkout,
        promotions, stock, gc, hotPath.graph(), failures, settings);
    Report.write(results);
    say("Wrote " + settings.report());
    return results;
  }

  /** The suite's warm-up: the shop mix at 32 clients. */
  static void warmUp(Settings settings, BenchmarkServerProcess server) throws IOException, InterruptedException {
    say("Warming up");
    run(settings, server, "shop-mix", 32, 0, settings.warmupSeconds());
  }

  private static LoadResult run(Settings settings, BenchmarkServerProcess server, String workload, int clients,
      int rate, int seconds) throws IOException, InterruptedException {
    Path carts = carts(settings, server, workload + "-" + clients + "-" + rate, workload, clients);
    return GatlingRun.run(settings, server.baseUrl(), server.pid(), workload, clients, rate, seconds, carts);
  }

  /** The carts a cart workload's run edits, prepared before it; null for a workload without carts. */
  private static Path carts(Settings settings, BenchmarkServerProcess server, String run, String workload,
      int clients) throws IOException, InterruptedException {
    if (!(workload.contains("cart") || workload.equals("shop-mix") || workload.equals("line-update"))) {
      return null;
    }
    String path = workload.startsWith("jdbc-") ? "/bench/jdbc-carts" : "/api/carts";
    return Carts.prepare(server.baseUrl() + path, Math.max(clients, 50) + 10,
        settings.workDir().resolve("carts-" + run + ".csv"));
  }

  /**
   * A share of a workload's best closed-model rate, but at least the rate at which one shopper arrives in
   * the run: below it Gatling starts no one and fails, as it did in short runs on a crowded machine.
   */
  private static int shareOfBest(List<LoadResult> results, String workload, int divisor, int seconds) {
    double best = results.stream().filter(r -> r.workload().equals(workload))
        .mapToDouble(LoadResult::perSecond).max().orElse(divisor);
    int oneShopper = (StoreLoad.VISIT + seconds - 1) / seconds;
    return (int) Math.max(oneShopper, Math.round(best / divisor));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> lifetime(BenchmarkServerProcess server, Settings settings)
      throws IOException, InterruptedException {
    String query = "carts=%d&lines=5&wakeCarts=%d&events=%s".formatted(
        settings.lifetimeCarts(), settings.wakeCarts(), settings.wakeEvents());
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/bench/lifetime?" + query))
            .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(30)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the lifetime measurement failed: " + response.body());
    }
    return JsonMapper.builder().build().readValue(response.body(), Map.class);
  }

  static String java() {
    return jdkTool("java");
  }

  /** A tool of the JDK this suite runs on, which runs the server too. */
  static String jdkTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  /** What the server and Gatling run with: this JVM's classpath (under Surefire, the test's). */
  static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void recreate(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(directory);
  }

  /** A workload's measurement on a server of its own, given where failed steps are listed. */
  interface Alone<T> {
    T measure(BenchmarkServerProcess server, List<String> failures) throws IOException, InterruptedException;
  }

  /**
   * One workload alone on a freshly started store, after the suite's warm-up, for figures before and
   * after a change to it: prints its report, titled {@code title}, and writes it to the settings' report.
   */
  static <T> T alone(Settings settings, String title, Alone<T> workload, Function<T, String> section)
      throws IOException, InterruptedException {
    Instant started = Instant.now();
    recreate(settings.workDir());
    List<String> failures = new ArrayList<>();
    T results;
    try (BenchmarkServerProcess server = new BenchmarkServerProcess(settings, freePort(), freePort())) {
      server.awaitReady(Duration.ofMinutes(3));
      warmUp(settings, server);
      results = workload.measure(server, failures);
    }
    StringBuilder md = new StringBuilder("# ").append(title).append("\n\nStarted ")
        .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(started.atOffset(ZoneOffset.UTC).withNano(0)))
        .append(" UTC on ").append(Machine.describe("").cpu()).append(", load averages ")
        .append(Machine.load()).append(" at its end.\n\n");
    failures.forEach(failure -> md.append("- FAILED: ").append(failure).append("\n"));
    md.append(section.apply(results));
    Files.writeString(settings.report(), md);
    System.out.println(md);
    return results;
  }

  static void say(String step) {
    System.out.println("[benchmark] " + step);
  }
}
