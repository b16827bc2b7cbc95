package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The physical limit for durable writes: pgbench committing one single-row INSERT per transaction
 * against the store's own PostgreSQL, at the same client count as the store's runs.
 */
final class Pgbench {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  private Pgbench() {}

  static LoadResult run(Suite.Settings settings, int databasePort, int clients, int seconds)
      throws IOException, InterruptedException {
    Path work = settings.workDir().resolve("pgbench-c" + clients);
    Files.createDirectories(work);
    Path script = work.resolve("insert.sql");
    Files.writeString(script, "INSERT INTO benchmark_rows (payload) VALUES ('one durable row');\n");
    sql(databasePort, "CREATE TABLE IF NOT EXISTS benchmark_rows (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL)");
    Path output = work.resolve("pgbench.out");
    Process pgbench = new ProcessBuilder(
            "pgbench", "-h", "127.0.0.1", "-p", String.valueOf(databasePort), "-U", "postgres", "-n",
            "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 4)), "-T", String.valueOf(seconds),
            "-f", script.toString(), "-l", "--log-prefix=" + work.resolve("latency"), "postgres")
        .directory(work.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile())
        .start();
    if (pgbench.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed, see " + output);
    }
    Matcher tps = TPS.matcher(Files.readString(output));
    if (!tps.find()) {
      throw new IllegalStateException("no tps in " + output);
    }
    long[] micros = latencies(work);
    Arrays.sort(micros);
    return new LoadResult("pgbench single-row insert", clients, 0, micros.length, 0,
        Double.parseDouble(tps.group(1)), percentile(micros, 0.50), percentile(micros, 0.99),
        micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0);
  }

  /** pgbench -l writes a line per transaction: client, transaction, latency in microseconds, ... */
  private static long[] latencies(Path work) throws IOException {
    try (Stream<Path> logs = Files.list(work)) {
      List<Path> files = logs.filter(p -> p.getFileName().toString().startsWith("latency")).toList();
      return files.stream()
          .flatMap(file -> {
            try {
              return Files.readAllLines(file).stream();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          })
          .map(line -> line.split(" "))
          .filter(fields -> fields.length > 2)
          .mapToLong(fields -> Long.parseLong(fields[2]))
          .toArray();
    }
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.floor(p * (sorted.length - 1))] / 1000.0;
  }

  static void sql(int databasePort, String sql) {
    try (Connection connection = connect(databasePort); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run " + sql, e);
    }
  }

  static String serverVersion(int databasePort) {
    try (Connection connection = connect(databasePort)) {
      return connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the PostgreSQL version", e);
    }
  }

  static Connection connect(int databasePort) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", "postgres", "");
  }
}
