package org.monostore.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.monostore.platform.EmbeddedDatabase;

/**
 * {@code ./monostore cluster [--nodes=N] [--port=P] [store settings...]}: N nodes of the store on this
 * machine (default 3), each a JVM process of its own serving API, docs and admin UI on HTTP port
 * P+i-1 (P defaults to 8080), one cluster found by the {@code config} discovery, all on one
 * PostgreSQL: the one named by {@code --spring.datasource.url} (or SPRING_DATASOURCE_URL), else the
 * embedded one in {@code .data/postgres}, the single-node store's. Any other argument goes to every
 * node. SIGTERM or Ctrl-C stops the nodes gracefully, then the database; nothing stays behind.
 */
public final class LocalCluster {

  /** One node's ports: HTTP, cluster remoting and Pekko Management. */
  public record Node(int index, int httpPort, int remotingPort, int managementPort) {}

  /** Where the nodes' data is: a JDBC URL with its user and password. */
  public record Database(String url, String user, String password) {}

  private LocalCluster() {}

  public static void main(String[] args) throws Exception {
    int nodes = Integer.parseInt(option(args, "--nodes=").orElse("3"));
    int port = Integer.parseInt(option(args, "--port=").orElse("8080"));
    if (nodes < 1 || nodes > 9) {
      throw new IllegalArgumentException("--nodes must be 1 to 9, was " + nodes);
    }
    List<String> settings = new ArrayList<>(Arrays.stream(args)
        .filter(arg -> !arg.startsWith("--nodes=") && !arg.startsWith("--port=")).toList());
    if (option(args, "--monostore.admin.password=").isEmpty() && System.getenv("MONOSTORE_ADMIN_PASSWORD") == null) {
      String password = randomPassword();
      settings.add("--monostore.admin.password=" + password);
      System.out.println("Admin sign-in on every node: user 'admin', password '" + password + "'");
    }

    Optional<EmbeddedPostgres> embedded = Optional.empty();
    Database database;
    Optional<String> url = option(args, "--spring.datasource.url=").or(() -> Optional.ofNullable(System.getenv("SPRING_DATASOURCE_URL")));
    if (url.isPresent()) {
      database = new Database(url.get(),
          option(args, "--spring.datasource.username=").orElse(System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "")),
          option(args, "--spring.datasource.password=").orElse(System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "")));
    } else {
      Path directory = Path.of(option(args, "--monostore.embedded-database.directory=").orElse(".data/postgres"));
      embedded = Optional.of(EmbeddedDatabase.start(directory, 0));
      database = new Database("jdbc:postgresql://localhost:" + embedded.get().getPort() + "/postgres", "postgres", "");
    }

    List<Node> plan = plan(nodes, port);
    Path jar = Path.of(System.getProperty("java.class.path").split(File.pathSeparator)[0]);
    List<Process> processes = new ArrayList<>();
    Optional<EmbeddedPostgres> server = embedded;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(processes, server)));
    for (Node node : plan) {
      Process process = new ProcessBuilder(command(jar, node, plan, database, settings)).redirectErrorStream(true).start();
      processes.add(process);
      Thread.ofPlatform().daemon().name("node-" + node.index() + "-output").start(() -> relay(node, process));
    }
    for (int i = 0; i < plan.size(); i++) {
      if (!awaitReady(plan.get(i), processes.get(i), Duration.ofMinutes(3))) {
        System.err.println("monostore cluster: node " + plan.get(i).index() + " did not become ready; stopping");
        System.exit(1);
      }
    }
    System.out.println(plan.stream()
        .map(node -> "  node " + node.index() + ": http://localhost:" + node.httpPort() + " (pid " + processes.get(node.index() - 1).pid() + ")")
        .collect(Collectors.joining("\n", nodes + " nodes ready (API, /docs, /admin on each); Ctrl-C stops them all\n", "")));
    for (int i = 0; i < processes.size(); i++) {
      int exit = processes.get(i).waitFor();
      System.out.println("monostore cluster: node " + (i + 1) + " exited (" + exit + ")");
    }
  }

  /** HTTP ports from {@code firstHttpPort} on; the cluster's own ports are free ones. */
  public static List<Node> plan(int nodes, int firstHttpPort) {
    return IntStream.rangeClosed(1, nodes)
        .mapToObj(i -> new Node(i, firstHttpPort + i - 1, freePort(), freePort()))
        .toList();
  }

  /** The command that starts {@code node} of {@code cluster} from the store's jar. */
  public static List<String> command(Path jar, Node node, List<Node> cluster, Database database, List<String> settings) {
    String endpoints = cluster.stream()
        .map(peer -> "{host = \"127.0.0.1\", port = " + peer.managementPort() + "}")
        .collect(Collectors.joining(", ", "[", "]"));
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-XX:+UseCompactObjectHeaders", "-Xmx1g",
        "-jar", jar.toString(),
        "--server.port=" + node.httpPort(),
        "--spring.datasource.url=" + database.url(),
        "--spring.datasource.username=" + database.user(),
        "--spring.datasource.password=" + database.password(),
        "--monostore.cluster.discovery=config",
        "--monostore.cluster.launcher-pid=" + ProcessHandle.current().pid(),
        "--pekko.remote.artery.canonical.port=" + node.remotingPort(),
        "--pekko.management.http.port=" + node.managementPort(),
        "--pekko.discovery.config.services.monostore.endpoints=" + endpoints,
        "--pekko.management.cluster.bootstrap.contact-point-discovery.required-contact-point-nr=" + cluster.size()));
    command.addAll(settings.stream().filter(arg -> !arg.startsWith("--spring.datasource.")).toList());
    return command;
  }

  /** True once the node's readiness answers 200; false if the process ended or time ran out. */
  public static boolean awaitReady(Node node, Process process, Duration patience) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    var readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + node.httpPort() + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return true;
        }
      } catch (IOException notListeningYet) {
        // the node is still starting
      }
      Thread.sleep(250);
    }
    return false;
  }

  /** SIGTERM to every node at once (each leaves the cluster gracefully), then the database. */
  private static void stop(List<Process> processes, Optional<EmbeddedPostgres> database) {
    processes.forEach(Process::destroy);
    for (Process process : processes) {
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    database.ifPresent(server -> {
      try {
        server.close();
      } catch (IOException e) {
        System.err.println("monostore cluster: could not stop PostgreSQL: " + e.getMessage());
      }
    });
  }

  private static void relay(Node node, Process process) {
    try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String prefix = "[node " + node.index() + "] ";
      lines.lines().forEach(line -> System.out.println(prefix + line));
    } catch (IOException | UncheckedIOException processGone) {
      // nothing more to relay
    }
  }

  private static Optional<String> option(String[] args, String prefix) {
    return Arrays.stream(args).filter(arg -> arg.startsWith(prefix)).map(arg -> arg.substring(prefix.length())).reduce((a, b) -> b);
  }

  private static String randomPassword() {
    byte[] random = new byte[15];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
