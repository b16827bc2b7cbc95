package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A freshly started benchmark server in a JVM of its own, on its own new embedded PostgreSQL. */
final class BenchmarkServerProcess implements AutoCloseable {

  private final Process process;
  private final int httpPort;
  private final int databasePort;
  private final Path log;
  private final Path gcLog;

  BenchmarkServerProcess(Suite.Settings settings, int httpPort, int databasePort) throws IOException {
    this.httpPort = httpPort;
    this.databasePort = databasePort;
    this.log = settings.workDir().resolve("server.log");
    this.gcLog = settings.workDir().resolve("gc.log");
    List<String> command = new ArrayList<>(List.of(
        Suite.java(), "-Xms4g", "-Xmx4g", "-XX:+UseCompactObjectHeaders", GcLog.OPTION.formatted(gcLog),
        // JFR's default of 64 frames cuts a request's stack in Tomcat and Spring, far from its root.
        "-XX:FlightRecorderOptions=stackdepth=256"));
    command.addAll(jvmOptions());
    command.addAll(List.of(
            "-cp", Suite.classpath(),
            "org.monostore.benchmarks.server.BenchmarkServer",
            "--server.port=" + httpPort,
            "--monostore.embedded-database.directory=" + settings.workDir().resolve("database"),
            "--monostore.embedded-database.port=" + databasePort,
            "--pekko.remote.artery.canonical.port=0",
            "--pekko.cluster.sharding.passivation.default-idle-strategy.idle-entity.timeout="
                + settings.idleTimeout().toSeconds() + "s",
            // The promotion workloads measure with promotions of their own against none at all.
            "--monostore.promotion.demo-promotions=false",
            "--monostore.stock.demo-stock=false",
            "--monostore.admin.password=" + PromotionLoad.ADMIN_PASSWORD,
            "--logging.level.root=WARN"));
    this.process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /**
   * JVM options added to the server's, from MONOSTORE_BENCHMARK_SERVER_OPTIONS (e.g. "-XX:+UseZGC"), to
   * measure a JVM setting before and after with everything else the same.
   */
  static List<String> jvmOptions() {
    String options = System.getenv().getOrDefault("MONOSTORE_BENCHMARK_SERVER_OPTIONS", "").strip();
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
  }

  String baseUrl() {
    return "http://localhost:" + httpPort;
  }

  long pid() {
    return process.pid();
  }

  int databasePort() {
    return databasePort;
  }

  Path gcLog() {
    return gcLog;
  }

  void awaitReady(Duration patience) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the benchmark server stopped, see " + log);
      }
      try {
        var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the benchmark server was not ready within " + patience + ", see " + log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
