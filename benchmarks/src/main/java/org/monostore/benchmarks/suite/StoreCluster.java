package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.monostore.cluster.LocalCluster;

/**
 * N nodes of one store cluster on this machine, each a JVM of its own started from the built
 * store-exec.jar as {@code ./monostore cluster} starts them, on a PostgreSQL the caller runs. Every
 * process it started it ends on {@link #close()}, by its pid, also when starting failed; the nodes
 * also stop by themselves should the suite's JVM die (they watch it).
 */
final class StoreCluster implements AutoCloseable {

  /** Each node's heap: one size for every node count, so that only the count changes; 3 of them fit beside the rest. */
  static final String HEAP = "2g";

  private static final Pattern SHARD_ID = Pattern.compile("\"shardId\"\\s*:\\s*\"([^\"]+)\"");

  private final List<LocalCluster.Node> plan;
  private final List<Process> processes = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** Starts {@code nodes} nodes and waits until every one is ready; on failure, ends those it started. */
  StoreCluster(int nodes, String databaseUrl, Path workDir) throws IOException, InterruptedException {
    List<LocalCluster.Node> planned = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      planned.add(new LocalCluster.Node(i, Suite.freePort(), Suite.freePort(), Suite.freePort()));
    }
    this.plan = List.copyOf(planned);
    var database = new LocalCluster.Database(databaseUrl, "postgres", "");
    try {
      for (LocalCluster.Node node : plan) {
        Path log = workDir.resolve("node-" + node.index() + ".log");
        logs.add(log);
        processes.add(new ProcessBuilder(command(node, plan, database)).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start());
      }
      for (LocalCluster.Node node : plan) {
        if (!LocalCluster.awaitReady(node, processes.get(node.index() - 1), Duration.ofMinutes(3))) {
          throw new IllegalStateException("node " + node.index() + " of " + nodes + " was not ready within 3 minutes, see "
              + logs.get(node.index() - 1));
        }
      }
    } catch (IOException | RuntimeException | InterruptedException e) {
      close();
      throw e;
    }
  }

  /**
   * The cluster command's node command, with the single-node suite's JVM settings where they fit: a
   * fixed heap (smaller, for three nodes beside PostgreSQL and wrk), the options given in
   * MONOSTORE_BENCHMARK_SERVER_OPTIONS, and warnings only in the log.
   */
  private static List<String> command(LocalCluster.Node node, List<LocalCluster.Node> plan,
      LocalCluster.Database database) {
    List<String> command = new ArrayList<>(LocalCluster.command(storeJar(), node, plan, database,
        List.of("--logging.level.root=WARN")));
    // Inserted before -jar, after the command's own -Xmx: of two -Xmx the JVM takes the last.
    List<String> options = new ArrayList<>(List.of("-Xms" + HEAP, "-Xmx" + HEAP));
    options.addAll(BenchmarkServerProcess.jvmOptions());
    command.addAll(command.indexOf("-jar"), options);
    return command;
  }

  /** The store's executable jar, built by the package phase: from the repository's root or from benchmarks/. */
  static Path storeJar() {
    for (Path candidate : List.of(Path.of("store/target/store-exec.jar"), Path.of("../store/target/store-exec.jar"))) {
      if (Files.isRegularFile(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    throw new IllegalStateException("no store/target/store-exec.jar: build it first (./mvnw -DskipTests package)");
  }

  int size() {
    return plan.size();
  }

  String baseUrl(int index) {
    return "http://localhost:" + plan.get(index - 1).httpPort();
  }

  /** The nodes' processes, for their CPU time. */
  Stream<ProcessHandle> processes() {
    return processes.stream().map(Process::toHandle);
  }

  /** The shards of an entity kind ("Cart", "Product") that live on node {@code index} now, from Pekko Management. */
  Set<String> shardsOn(int index, String entityKind) throws IOException, InterruptedException {
    String url = "http://127.0.0.1:" + plan.get(index - 1).managementPort() + "/cluster/shards/" + entityKind;
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    Set<String> shards = new HashSet<>();
    Matcher matcher = SHARD_ID.matcher(response.body());
    while (matcher.find()) {
      shards.add(matcher.group(1));
    }
    return shards;
  }

  /** SIGTERM to every node (each leaves the cluster gracefully); kill -9 to any still running after 60 s. */
  @Override
  public void close() throws InterruptedException {
    processes.forEach(Process::destroy);
    for (Process process : processes) {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }
}
