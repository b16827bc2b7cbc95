package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.monostore.benchmarks.simulations.StoreLoad;

/**
 * Runs the StoreLoad simulation in a JVM of its own, so the load generator never shares a heap or JIT
 * with what it measures, and reads the rows of the statistics table in the HTML report Gatling writes.
 */
final class GatlingRun {

  private static final Pattern ROW =
      Pattern.compile("<tr id=\"([^\"]+)\"(?: data-parent=\"([^\"]+)\")?[^>]*>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)<");
  private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");
  private static final String ALL_REQUESTS = "ROOT";

  /** A finished Gatling run: its HTML report, and where the CPU went while it ran. */
  private record Finished(Path report, CpuUse cpu) {}

  /** One row of a report's statistics table: its id, the id of the group it is in (null for none), its figures. */
  private record Row(String id, String parent, LoadResult figures) {}

  private GatlingRun() {}

  /**
   * A closed model of {@code clients} shoppers, or an open model at {@code rate} arrivals/s, against the
   * store whose process is {@code storePid}.
   */
  static LoadResult run(Suite.Settings settings, String baseUrl, long storePid, String workload, int clients,
      int rate, int seconds, Path cartsFeed) throws IOException, InterruptedException {
    String name = workload + (rate > 0 ? "-rate" + rate : "-c" + clients);
    Finished run = execute(settings, name, baseUrl, storePid, workload, clients, rate, seconds, cartsFeed, List.of());
    return row(rows(run.report(), workload, clients, rate), ALL_REQUESTS).figures().withCpu(run.cpu());
  }

  /**
   * {@code clients} customers each checking out order after order; {@code name} tells the run's report
   * apart from the others'.
   */
  static Checkout.Run checkout(Suite.Settings settings, String name, String baseUrl, long storePid, int clients,
      int seconds) throws IOException, InterruptedException {
    // A group's latency then is its duration, the whole order as its customer waited, not the sum of its answers.
    Finished run = execute(settings, name, baseUrl, storePid, StoreLoad.CHECKOUT, clients, 0, seconds, null,
        List.of("-Dgatling.charting.useGroupDurationMetric=true"));
    List<Row> rows = rows(run.report(), StoreLoad.CHECKOUT, clients, 0);
    Row group = rows.stream().filter(r -> ALL_REQUESTS.equals(r.parent())).findFirst()
        .orElseThrow(() -> new IllegalStateException("no group of whole orders in " + run.report()));
    LoadResult orders = group.figures();
    long whole = orders.requests() - orders.failed();
    double wholePerSecond = orders.requests() == 0 ? 0 : orders.perSecond() * whole / orders.requests();
    List<LoadResult> steps = rows.stream().filter(r -> group.id().equals(r.parent())).map(Row::figures).toList();
    return new Checkout.Run(
        new LoadResult(StoreLoad.CHECKOUT, clients, 0, orders.requests(), orders.failed(), wholePerSecond,
            orders.p50Millis(), orders.p99Millis(), orders.maxMillis(), run.cpu()),
        row(rows, ALL_REQUESTS).figures(), steps, Machine.load());
  }

  private static Finished execute(Suite.Settings settings, String name, String baseUrl, long storePid,
      String workload, int clients, int rate, int seconds, Path cartsFeed, List<String> options)
      throws IOException, InterruptedException {
    Path results = settings.workDir().resolve("gatling").resolve(name);
    List<String> command = new ArrayList<>(List.of(
        Suite.java(), "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
        "-cp", Suite.classpath(),
        "-DbaseUrl=" + baseUrl, "-Dworkload=" + workload, "-Dseconds=" + seconds,
        clients > 0 ? "-Dusers=" + clients : "-Drate=" + rate));
    if (cartsFeed != null) {
      command.add("-DcartsFeed=" + cartsFeed);
    }
    command.addAll(options);
    command.addAll(List.of("io.gatling.app.Gatling", "-s", "org.monostore.benchmarks.simulations.StoreLoad",
        "-rf", results.toString(), "-rd", name));
    Path log = settings.workDir().resolve("gatling-" + name + ".log");
    CpuUse.Reading before = CpuUse.Reading.now(storePid);
    Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    // A process's CPU time can no longer be read once it has exited, so it is read until then.
    double gatlingSeconds = 0;
    while (!gatling.waitFor(200, TimeUnit.MILLISECONDS)) {
      double sofar = CpuUse.cpuSeconds(gatling.pid());
      gatlingSeconds = Double.isNaN(sofar) ? gatlingSeconds : sofar;
    }
    CpuUse cpu = before.until(CpuUse.Reading.now(storePid), gatlingSeconds);
    if (gatling.exitValue() != 0) {
      throw new IllegalStateException("Gatling run " + name + " failed (exit " + gatling.exitValue() + "), see " + log);
    }
    return new Finished(report(results), cpu);
  }

  private static Path report(Path results) throws IOException {
    try (Stream<Path> files = Files.walk(results)) {
      return files.filter(path -> path.getFileName().toString().equals("index.html")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no Gatling report under " + results));
    }
  }

  private static Row row(List<Row> rows, String id) {
    return rows.stream().filter(r -> r.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no row " + id + " in Gatling's report"));
  }

  /**
   * The statistics table's rows, in its order: All Requests (id ROOT), then each group followed by its
   * requests. A row's figures are named after its workload for All Requests, else after the row.
   * Columns: 2 total, 4 failed, 6 per second, 8 p50, 11 p99, 12 max (milliseconds).
   */
  private static List<Row> rows(Path report, String workload, int clients, int rate) throws IOException {
    List<Row> rows = new ArrayList<>();
    Matcher row = ROW.matcher(Files.readString(report));
    while (row.find()) {
      String id = row.group(1);
      String[] cells = new String[15];
      Matcher cell = CELL.matcher(row.group(3));
      while (cell.find()) {
        cells[Integer.parseInt(cell.group(1))] = cell.group(2).strip();
      }
      Matcher name = NAME.matcher(row.group(3));
      rows.add(new Row(id, row.group(2), new LoadResult(
          id.equals(ALL_REQUESTS) || !name.find() ? workload : name.group(1).strip(), clients, rate,
          (long) number(cells[2]), (long) number(cells[4]), number(cells[6]), number(cells[8]), number(cells[11]),
          number(cells[12]))));
    }
    if (rows.stream().noneMatch(r -> r.id().equals(ALL_REQUESTS))) {
      throw new IllegalStateException("no 'All Requests' row in " + report);
    }
    return rows;
  }

  private static double number(String cell) {
    if (cell == null || cell.equals("-")) {
      return 0;
    }
    return Double.parseDouble(cell.replace(",", ""));
  }
}
