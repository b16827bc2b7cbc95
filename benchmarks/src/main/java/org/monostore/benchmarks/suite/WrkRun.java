package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same load from wrk, a load generator written in C. Gatling's JVM shares the two cores with the
 * store and takes CPU from it, and the targets were derived with wrk: measuring with both shows how much
 * of a miss is the load generator's. A run with a socket error or an answer other than 200 fails, so
 * that its figures never pass for throughput.
 */
final class WrkRun {

  /** What wrk drives (wrk.lua): the two references and the store's lookups and durable writes. */
  static final List<String> WORKLOADS = List.of("ping", "product-lookup", "cart-write", "jdbc-cart-write");

  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
  private static final Pattern PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern MAX = Pattern.compile("^\\s+Latency\\s+\\S+\\s+\\S+\\s+(\\S+)", Pattern.MULTILINE);
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
  private static final Pattern UNEXPECTED = Pattern.compile("Answers other than 200: (\\d+)");
  private static final Pattern DURATION = Pattern.compile("([0-9.]+)(us|ms|s|m|h)");

  private WrkRun() {}

  /** {@code clients} connections, each sending its next request when the last was answered. */
  static LoadResult run(Suite.Settings settings, String baseUrl, String workload, int clients, int seconds, Path carts)
      throws IOException, InterruptedException {
    return start(settings.workDir(), workload + "-c" + clients, baseUrl, workload, clients, seconds, carts).await();
  }

  /** A wrk process under way, its output going to {@code output}; several can run at once. */
  record Started(Process process, String workload, int clients, Path output) {

    LoadResult await() throws IOException, InterruptedException {
      if (process.waitFor() != 0) {
        throw new IllegalStateException("wrk failed, see " + output);
      }
      return parse(workload, clients, Files.readString(output), output);
    }
  }

  /** Starts wrk against {@code baseUrl}, its output in the work directory's wrk/{@code name}.out. */
  static Started start(Path workDir, String name, String baseUrl, String workload, int clients, int seconds, Path carts)
      throws IOException {
    Path work = workDir.resolve("wrk");
    Files.createDirectories(work);
    Path script = work.resolve("wrk.lua");
    // Written aside, then moved over the script: a wrk started just before, on another node, may be reading it.
    Path written = Files.createTempFile(work, "wrk", ".lua");
    try (InputStream source = WrkRun.class.getResourceAsStream("wrk.lua")) {
      Files.write(written, source.readAllBytes());
    }
    Files.move(written, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    // wrk's threads each run an event loop over their connections: two are enough for two cores.
    int threads = Math.min(2, clients);
    List<String> command = new ArrayList<>(List.of("wrk", "-t", String.valueOf(threads), "-c", String.valueOf(clients),
        "-d", seconds + "s", "--latency", "--timeout", "10s", "-s", script.toString(), baseUrl, "--", workload));
    if (carts != null) {
      command.addAll(List.of(carts.toString(), String.valueOf(threads)));
    }
    Path output = work.resolve(name + ".out");
    try {
      return new Started(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start(),
          workload, clients, output);
    } catch (IOException e) {
      throw new IllegalStateException("wrk could not be started (Debian: apt-get install wrk): " + e.getMessage(), e);
    }
  }

  /** wrk's summary, with --latency's distribution, and the count of other answers that wrk.lua prints. */
  static LoadResult parse(String workload, int clients, String text, Path output) {
    long requests = Long.parseLong(find(REQUESTS, text, output));
    long unexpected = Long.parseLong(find(UNEXPECTED, text, output));
    long socketErrors = 0;
    Matcher errors = SOCKET_ERRORS.matcher(text);
    if (errors.find()) {
      for (int group = 1; group <= 4; group++) {
        socketErrors += Long.parseLong(errors.group(group));
      }
    }
    if (unexpected + socketErrors > 0) {
      throw new IllegalStateException("%d of %d requests failed (%d answers other than 200, %d socket errors), see %s"
          .formatted(unexpected + socketErrors, requests, unexpected, socketErrors, output));
    }
    return new LoadResult(workload, clients, 0, requests, 0,
        Double.parseDouble(find(PER_SECOND, text, output)),
        millis(find(percentile(50), text, output)), millis(find(percentile(99), text, output)),
        millis(find(MAX, text, output)));
  }

  private static Pattern percentile(int percent) {
    return Pattern.compile("^\\s+" + percent + "%\\s+(\\S+)", Pattern.MULTILINE);
  }

  private static String find(Pattern pattern, String text, Path output) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalStateException("no '" + pattern + "' in " + output);
    }
    return matcher.group(1);
  }

  /** wrk prints a duration with the unit that suits it: 271.00us, 2.29ms, 1.01s, 1.50m. */
  private static double millis(String duration) {
    Matcher matcher = DURATION.matcher(duration);
    if (!matcher.matches()) {
      throw new IllegalStateException("not a wrk duration: " + duration);
    }
    double value = Double.parseDouble(matcher.group(1));
    return switch (matcher.group(2)) {
      case "us" -> value / 1000;
      case "ms" -> value;
      case "s" -> value * 1000;
      case "m" -> value * 60_000;
      default -> value * 3_600_000;
    };
  }
}
