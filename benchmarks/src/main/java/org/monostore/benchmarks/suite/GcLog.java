package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark server's GC pauses, read from the log its JVM writes ({@link #OPTION}), so that a
 * latency tail can be held against the pauses of the same window.
 */
final class GcLog {

  /** Every GC line of the server's JVM, stamped with the wall-clock time, into {@code file}; never rotated. */
  static final String OPTION = "-Xlog:gc*:file=%s:time,level,tags:filecount=0";

  /** G1's one summary line per pause, stamped when it ended: "[time][info][gc ] GC(7) Pause Young ... 4.805ms". */
  private static final Pattern PAUSE =
      Pattern.compile("^\\[([^]]+)]\\[info]\\[gc\\s*] GC\\(\\d+\\) Pause .* ([0-9.]+)ms$");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /** The pauses that ended in one window of the run. */
  record Pauses(int count, double totalMillis, double maxMillis) {}

  private GcLog() {}

  static Pauses pauses(Path log, Instant from, Instant to) throws IOException {
    List<Double> millis = Files.readAllLines(log).stream()
        .map(PAUSE::matcher)
        .filter(Matcher::matches)
        .filter(pause -> {
          Instant ended = OffsetDateTime.parse(pause.group(1), TIME).toInstant();
          return !ended.isBefore(from) && !ended.isAfter(to);
        })
        .map(pause -> Double.parseDouble(pause.group(2)))
        .toList();
    return new Pauses(millis.size(), millis.stream().mapToDouble(Double::doubleValue).sum(),
        millis.stream().mapToDouble(Double::doubleValue).max().orElse(0));
  }
}
