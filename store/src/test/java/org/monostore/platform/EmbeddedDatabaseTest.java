package org.monostore.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database against real PostgreSQL processes: durable settings, a clean restart, and
 * recovery after a kill -9 of the store (its server left running) and of the server itself (a stale
 * postmaster.pid left behind).
 */
class EmbeddedDatabaseTest {

  /** An upper bound for anything that involves starting a JVM or a server on a busy machine. */
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @TempDir Path dataDirectory;

  private final List<EmbeddedPostgres> started = new ArrayList<>();
  private final StringBuffer childOutput = new StringBuffer();
  private Process child;

  @AfterEach
  void leavesNoProcessBehind() throws Exception {
    for (EmbeddedPostgres postgres : started.reversed()) {
      postgres.close();
    }
    if (child != null) {
      child.destroyForcibly();
      child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
    Set<ProcessHandle> leftovers = postgresServersOn(dataDirectory);
    for (ProcessHandle leftover : leftovers) {
      leftover.destroyForcibly();
    }
    await().atMost(PATIENCE).until(() -> leftovers.stream().noneMatch(ProcessHandle::isAlive));
    assertThat(leftovers).as("PostgreSQL servers still running on %s", dataDirectory).isEmpty();
  }

  @Test
  void runsWithFsyncAndSynchronousCommitOn() throws Exception {
    EmbeddedPostgres postgres = start();

    assertThat(show(postgres, "fsync")).isEqualTo("on");
    assertThat(show(postgres, "synchronous_commit")).isEqualTo("on");
    assertThat(show(postgres, "full_page_writes")).isEqualTo("on");
  }

  @Test
  void dataSurvivesARestart() throws Exception {
    EmbeddedPostgres first = start();
    commit(first, "written-before-restart");
    first.close();

    EmbeddedPostgres second = start();

    assertThat(acknowledgedValues(second)).containsExactly("written-before-restart");
  }

  @Test
  void recoversWhenTheStoreWasKilledAndItsServerLeftRunning() throws Exception {
    launchStoreThatCommits("acknowledged-before-kill");
    ProcessHandle orphan = serverInPidFile().orElseThrow();
    assertThat(orphan.isAlive()).isTrue();

    killStore();
    assertThat(orphan.isAlive()).as("the server of the killed store keeps running").isTrue();

    EmbeddedPostgres restarted = start();

    assertThat(acknowledgedValues(restarted)).containsExactly("acknowledged-before-kill");
    assertThat(orphan.isAlive()).as("the orphaned server was stopped").isFalse();
    assertThat(serverInPidFile().orElseThrow().pid()).isNotEqualTo(orphan.pid());
  }

  @Test
  void recoversFromAStaleLockFileAfterTheServerWasKilled() throws Exception {
    launchStoreThatCommits("acknowledged-before-kill");
    ProcessHandle server = serverInPidFile().orElseThrow();
    List<ProcessHandle> serverProcesses = Stream.concat(Stream.of(server), server.descendants()).toList();

    killStore();
    server.destroyForcibly();
    await().atMost(PATIENCE).until(() -> serverProcesses.stream().noneMatch(ProcessHandle::isAlive));
    assertThat(dataDirectory.resolve("postmaster.pid")).as("the stale lock file").exists();

    EmbeddedPostgres restarted = start();

    assertThat(acknowledgedValues(restarted)).containsExactly("acknowledged-before-kill");
  }

  private EmbeddedPostgres start() {
    EmbeddedPostgres postgres = EmbeddedDatabase.start(dataDirectory, 0);
    started.add(postgres);
    return postgres;
  }

  /**
   * Runs {@link EmbeddedDatabaseChild} in its own JVM and waits until it has acknowledged the write
   * of {@code value} on {@link #dataDirectory}.
   */
  private void launchStoreThatCommits(String value) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    child =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedDatabaseChild.class.getName(),
                dataDirectory.toString(),
                value)
            .redirectErrorStream(true)
            .start();

    CompletableFuture<Integer> ready = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("store-child-output")
        .start(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  childOutput.append(line).append('\n');
                  if (line.startsWith("READY ")) {
                    ready.complete(Integer.parseInt(line.substring("READY ".length()).strip()));
                  }
                }
              } catch (IOException | RuntimeException e) {
                ready.completeExceptionally(e);
              }
              ready.completeExceptionally(
                  new IllegalStateException("The store exited before it was ready:\n" + childOutput));
            });
    try {
      assertThat(ready.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isPositive();
    } catch (TimeoutException e) {
      throw new AssertionError("The store did not get ready in time:\n" + childOutput, e);
    }
  }

  /** kill -9 of the store's JVM; its PostgreSQL server is a separate process and is not touched. */
  private void killStore() throws InterruptedException {
    child.destroyForcibly();
    assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the store was killed").isTrue();
  }

  /** The live process whose pid the server wrote to postmaster.pid, if any. */
  private Optional<ProcessHandle> serverInPidFile() throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.getFirst().strip())).filter(ProcessHandle::isAlive);
  }

  /** Every running PostgreSQL server on the directory: the one in postmaster.pid and any started with -D on it. */
  private Set<ProcessHandle> postgresServersOn(Path directory) throws IOException {
    Set<ProcessHandle> servers = new LinkedHashSet<>();
    serverInPidFile().filter(EmbeddedDatabaseTest::isPostgres).ifPresent(servers::add);
    String path = directory.toAbsolutePath().toString();
    ProcessHandle.allProcesses()
        .filter(EmbeddedDatabaseTest::isPostgres)
        .filter(p -> p.info().commandLine().map(c -> c.contains(path)).orElse(false))
        .forEach(servers::add);
    return servers;
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.isAlive() && process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
  }

  private static String show(EmbeddedPostgres postgres, String setting) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SHOW " + setting)) {
      assertThat(result.next()).isTrue();
      return result.getString(1);
    }
  }

  private static void commit(EmbeddedPostgres postgres, String value) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO acknowledged (value) VALUES (?)")) {
      statement.execute("CREATE TABLE IF NOT EXISTS acknowledged (value text PRIMARY KEY)");
      insert.setString(1, value);
      insert.executeUpdate();
    }
  }

  private static List<String> acknowledgedValues(EmbeddedPostgres postgres) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("SELECT value FROM acknowledged ORDER BY value")) {
      List<String> values = new ArrayList<>();
      while (result.next()) {
        values.add(result.getString(1));
      }
      return values;
    }
  }
}
