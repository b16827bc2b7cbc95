package org.monostore.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.stream.IntStream;
import org.monostore.platform.EmbeddedDatabase;

/**
 * A cluster of store nodes, each a JVM process of its own started from the built store-exec.jar (as
 * {@code ./monostore cluster} starts them), on one embedded PostgreSQL this class starts. Every
 * process it started it ends, by its pid, on {@link #close()}, also when a test failed; and the nodes
 * stop by themselves if this JVM dies (they watch it, as they watch the cluster command).
 */
final class StoreProcesses implements AutoCloseable {

  static final Path JAR = Path.of("target", "store-exec.jar");
  private static final Pattern SHARD_ID = Pattern.compile("\"shardId\"\\s*:\\s*\"([^\"]+)\"");

  private final Path work;
  private final EmbeddedPostgres database;
  private final List<LocalCluster.Node> plan;
  private final List<String> settings;
  private final Process[] processes;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  StoreProcesses(Path work, int nodes, List<String> settings) {
    assertThat(JAR).as("the store's jar, built by the package phase before the *IT tests").isRegularFile();
    this.work = work;
    this.database = EmbeddedDatabase.start(work.resolve("postgres"), 0);
    this.plan = IntStream.rangeClosed(1, nodes)
        .mapToObj(i -> new LocalCluster.Node(i, LocalCluster.freePort(), LocalCluster.freePort(), LocalCluster.freePort()))
        .toList();
    this.settings = settings;
    this.processes = new Process[nodes];
  }

  /** Starts every node, then waits until each is ready. */
  StoreProcesses startAll() throws InterruptedException {
    for (LocalCluster.Node node : plan) {
      start(node.index());
    }
    for (LocalCluster.Node node : plan) {
      awaitReady(node.index());
    }
    return this;
  }

  /** Starts node {@code index} (from 1), with the same ports as before if it ran already. */
  void start(int index) {
    LocalCluster.Node node = plan.get(index - 1);
    var database = new LocalCluster.Database(
        "jdbc:postgresql://localhost:" + this.database.getPort() + "/postgres", "postgres", "");
    Path log = log(index);
    try {
      processes[index - 1] = new ProcessBuilder(LocalCluster.command(JAR, node, plan, database, settings))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void awaitReady(int index) throws InterruptedException {
    Process process = processes[index - 1];
    boolean ready = LocalCluster.awaitReady(plan.get(index - 1), process, Duration.ofMinutes(3));
    assertThat(ready)
        .as("node %d ready within 3 minutes (%s); its log: %s", index,
            process.isAlive() ? "still running" : "ended with " + process.exitValue(), log(index))
        .isTrue();
  }

  /** SIGTERM: the node leaves the cluster gracefully. Waits until the process has ended. */
  int stop(int index) throws InterruptedException {
    Process process = processes[index - 1];
    process.destroy();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("node %d ended within 90 s of SIGTERM", index).isTrue();
    return process.exitValue();
  }

  /** kill -9: the node is gone at once, without a word to the others. */
  void kill(int index) throws InterruptedException {
    Process process = processes[index - 1];
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  boolean isAlive(int index) {
    return processes[index - 1] != null && processes[index - 1].isAlive();
  }

  int httpPort(int index) {
    return plan.get(index - 1).httpPort();
  }

  /** The node whose cluster address ({@code pekko://monostore@127.0.0.1:port}) this is. */
  int nodeAt(String address) {
    return plan.stream()
        .filter(node -> address.endsWith(":" + node.remotingPort()))
        .mapToInt(LocalCluster.Node::index)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no node at " + address));
  }

  int size() {
    return plan.size();
  }

  /** The carts' shards living on node {@code index} now, from Pekko Management's sharding route. */
  Set<String> cartShardsOn(int index) throws IOException, InterruptedException {
    String body = get("http://127.0.0.1:" + plan.get(index - 1).managementPort() + "/cluster/shards/Cart");
    Set<String> shards = new HashSet<>();
    Matcher matcher = SHARD_ID.matcher(body);
    while (matcher.find()) {
      shards.add(matcher.group(1));
    }
    return shards;
  }

  /** The members node {@code index} sees and their status, from Pekko Management. */
  String members(int index) throws IOException, InterruptedException {
    return get("http://127.0.0.1:" + plan.get(index - 1).managementPort() + "/cluster/members");
  }

  /** Lines of every node's log that contain {@code text}. */
  List<String> logLines(String text) throws IOException {
    List<String> found = new ArrayList<>();
    for (LocalCluster.Node node : plan) {
      Path log = log(node.index());
      if (Files.exists(log)) {
        try (var lines = Files.lines(log)) {
          lines.filter(line -> line.contains(text)).map(line -> "node " + node.index() + ": " + line).forEach(found::add);
        }
      }
    }
    return found;
  }

  Path log(int index) {
    return work.resolve("node-" + index + ".log");
  }

  private String get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Override
  public void close() throws IOException {
    for (Process process : processes) {
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
      }
    }
    for (Process process : processes) {
      if (process != null) {
        try {
          process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    database.close();
  }
}
