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

/**
 * Runs the StoreLoad simulation in a JVM of its own, so the load generator never shares a heap or JIT
 * with what it measures, and reads the "All Requests" row of the HTML report Gatling writes.
 */
final class GatlingRun {

  private static final Pattern ALL_REQUESTS = Pattern.compile("<tr id=\"ROOT\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");

  private GatlingRun() {}

  /**
   * A closed model of {@code clients} shoppers, or an open model at {@code rate} arrivals/s, against the
   * store whose process is {@code storePid}.
   */
  static LoadResult run(Suite.Settings settings, String baseUrl, long storePid, String workload, int clients,
      int rate, int seconds, Path cartsFeed) throws IOException, InterruptedException {
    String name = workload + (rate > 0 ? "-rate" + rate : "-c" + clients);
    Path results = settings.workDir().resolve("gatling").resolve(name);
    List<String> command = new ArrayList<>(List.of(
        Suite.java(), "-Xmx1g", "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
        "-cp", Suite.classpath(),
        "-DbaseUrl=" + baseUrl, "-Dworkload=" + workload, "-Dseconds=" + seconds,
        clients > 0 ? "-Dusers=" + clients : "-Drate=" + rate));
    if (cartsFeed != null) {
      command.add("-DcartsFeed=" + cartsFeed);
    }
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
    return parse(workload, clients, rate, report(results)).withCpu(cpu);
  }

  private static Path report(Path results) throws IOException {
    try (Stream<Path> files = Files.walk(results)) {
      return files.filter(path -> path.getFileName().toString().equals("index.html")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no Gatling report under " + results));
    }
  }

  /** Columns of the row: 2 total, 4 failed, 6 per second, 8 p50, 11 p99, 12 max (milliseconds). */
  static LoadResult parse(String workload, int clients, int rate, Path report) throws IOException {
    Matcher row = ALL_REQUESTS.matcher(Files.readString(report));
    if (!row.find()) {
      throw new IllegalStateException("no 'All Requests' row in " + report);
    }
    String[] cells = new String[15];
    Matcher cell = CELL.matcher(row.group(1));
    while (cell.find()) {
      cells[Integer.parseInt(cell.group(1))] = cell.group(2).strip();
    }
    return new LoadResult(workload, clients, rate, (long) number(cells[2]), (long) number(cells[4]),
        number(cells[6]), number(cells[8]), number(cells[11]), number(cells[12]));
  }

  private static double number(String cell) {
    if (cell == null || cell.equals("-")) {
      return 0;
    }
    return Double.parseDouble(cell.replace(",", ""));
  }
}
