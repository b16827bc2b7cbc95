package org.monostore.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.MonoStoreApplication;
import org.monostore.TestStores;

/**
 * What a user can get wrong when starting a store ends the store's own process with a non-zero exit
 * and one line saying what is wrong and how to fix it, with no stack trace unless asked for with
 * --debug. Each store runs as main() runs it, in a JVM of its own, on a database of the test's.
 */
class StartupFailureTest {

  private static final String REPORT = "monostore: cannot start: ";
  private static final long PATIENCE_SECONDS = 240;

  @TempDir static Path databaseFolder;
  private static EmbeddedPostgres database;

  @BeforeAll
  static void startDatabase() {
    database = EmbeddedDatabase.start(databaseFolder, 0);
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    database.close();
  }

  @Test
  void anHttpPortInUseIsToldInOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Outcome outcome = start(Map.of(), onDatabase("--server.port=" + taken.getLocalPort()));

      outcome.endsWithOneLineSaying("the HTTP port " + taken.getLocalPort() + " is in use", "--server.port");
    }
  }

  @Test
  void aClusterPortInUseByAnotherStoreIsToldInOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      // A second store on one machine: its cluster port comes from the environment, as in pekko/cluster.conf.
      List<String> arguments = onDatabase("--server.port=0");
      arguments.removeIf(argument -> argument.startsWith("--pekko.remote.artery.canonical.port="));
      Outcome outcome = start(Map.of("MONOSTORE_CLUSTER_PORT", String.valueOf(taken.getLocalPort())), arguments);

      outcome.endsWithOneLineSaying("the cluster's port " + taken.getLocalPort(), "MONOSTORE_CLUSTER_PORT");
    }
  }

  @Test
  void anUnreachableDatabaseIsToldInOneLine() throws Exception {
    String url = "jdbc:postgresql://127.0.0.1:" + TestStores.freePort() + "/monostore";

    Outcome outcome = start(Map.of(), new ArrayList<>(List.of(
        "--spring.datasource.url=" + url, "--server.port=0", "--pekko.remote.artery.canonical.port=0")));

    outcome.endsWithOneLineSaying("the database at " + url + " cannot be reached", "spring.datasource.url");
  }

  @Test
  void aSettingThatDoesNotParseIsToldInOneLine() throws Exception {
    Outcome outcome = start(Map.of(), onDatabase("--server.port=0", "--monostore.ask-timeout=banana"));

    outcome.endsWithOneLineSaying("the setting monostore.ask-timeout is 'banana'", "given on the command line");
  }

  @Test
  void aSettingOutsideWhatItsModuleAllowsIsToldInOneLine() throws Exception {
    Outcome outcome = start(Map.of("MONOSTORE_CART_MAX_LINES", "0"), onDatabase("--server.port=0"));

    outcome.endsWithOneLineSaying(
        "the setting monostore.cart.max-lines is '0', which is not allowed: it must be greater than 0",
        "given as an environment variable");
  }

  @Test
  void aNegativeHttpPortIsToldInOneLine() throws Exception {
    Outcome outcome = start(Map.of(), onDatabase("--server.port=-5"));

    outcome.endsWithOneLineSaying("the setting server.port is '-5'", "0 to 65535");
  }

  @Test
  void debugAddsTheWholeCauseBeforeTheLine() throws Exception {
    Outcome outcome = start(Map.of(), onDatabase("--server.port=-5", "--debug"));

    assertThat(outcome.exitCode()).as("exit code").isNotZero();
    assertThat(outcome.output()).as("output").contains("\tat ");
    assertThat(outcome.lastLine()).as("last line").startsWith(REPORT + "the setting server.port is '-5'");
  }

  private static List<String> onDatabase(String... more) {
    List<String> arguments = new ArrayList<>(List.of(
        "--spring.datasource.url=jdbc:postgresql://localhost:" + database.getPort() + "/postgres",
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=",
        "--pekko.remote.artery.canonical.port=0",
        "--monostore.catalog.demo-products=0"));
    arguments.addAll(List.of(more));
    return arguments;
  }

  /** Runs main() in a JVM of its own until it exits; ends it by its pid if it outlives the patience. */
  private static Outcome start(Map<String, String> environment, List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElseThrow(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        MonoStoreApplication.class.getName()));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("MONOSTORE_CLUSTER_PORT");
    builder.environment().putAll(environment);
    Process store = builder.start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = Thread.ofPlatform().daemon().name("store-output").start(() -> {
      try {
        store.getInputStream().transferTo(output);
      } catch (IOException closed) {
        // The store is gone; what it wrote is in the buffer.
      }
    });
    try {
      boolean exited = store.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
      reader.join(TimeUnit.SECONDS.toMillis(10));
      String text = output.toString(StandardCharsets.UTF_8);
      assertThat(exited).as("the store exited by itself; output:\n%s", text).isTrue();
      return new Outcome(store.exitValue(), text);
    } finally {
      store.destroyForcibly();
      store.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }
  }

  private record Outcome(int exitCode, String output) {

    String lastLine() {
      List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
      return lines.isEmpty() ? "" : lines.getLast();
    }

    void endsWithOneLineSaying(String what, String fix) {
      assertThat(exitCode).as("exit code; output:\n%s", output).isNotZero();
      assertThat(output.lines().filter(line -> line.startsWith("\tat ")))
          .as("stack trace lines in:\n%s", output).isEmpty();
      assertThat(output.lines().filter(line -> line.startsWith(REPORT))).as("report lines in:\n%s", output).hasSize(1);
      assertThat(lastLine()).as("last line of:\n%s", output).startsWith(REPORT + what).contains(fix);
    }
  }
}
