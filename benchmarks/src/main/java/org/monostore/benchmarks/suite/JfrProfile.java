package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of the benchmark server's JVM over one load run, read back as a flame graph: where
 * the store's CPU goes on the hot path. jcmd of the JDK that runs the suite (and the server) starts and
 * stops it. A profile that fails is one more recorded failure; the load's own figures still count.
 */
final class JfrProfile {

  private static final String NAME = "hotpath";
  /** A lambda's or a lambda form's hidden class carries its address: one frame name for all its instances. */
  private static final Pattern HIDDEN_CLASS_ADDRESS = Pattern.compile("[./]0x\\p{XDigit}+");

  private final long pid;
  private final Path file;
  private final List<String> failures;
  private FlameGraph graph;

  JfrProfile(long pid, Path file, List<String> failures) {
    this.pid = pid;
    this.file = file;
    this.failures = failures;
  }

  LoadResult during(Suite.Step load) throws IOException, InterruptedException {
    try {
      // settings=profile: every running Java thread sampled each 10 ms, enough for a 20-second run.
      jcmd("JFR.start", "name=" + NAME, "settings=profile", "filename=" + file);
    } catch (IOException | RuntimeException e) {
      Suite.failed("JFR profile", e, failures);
      return load.measure();
    }
    try {
      return load.measure();
    } finally {
      try {
        jcmd("JFR.stop", "name=" + NAME);
        graph = read(file);
      } catch (IOException | RuntimeException e) {
        Suite.failed("JFR profile", e, failures);
      }
    }
  }

  /** The profile, or null when none was taken. */
  FlameGraph graph() {
    return graph;
  }

  private void jcmd(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(Suite.jdkTool("jcmd"), String.valueOf(pid)));
    line.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (jcmd.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output.strip());
    }
  }

  static FlameGraph read(Path recording) throws IOException {
    if (!Files.isRegularFile(recording)) {
      throw new IllegalStateException("JFR wrote no recording to " + recording);
    }
    FlameGraph graph = new FlameGraph();
    try (RecordingFile events = new RecordingFile(recording)) {
      while (events.hasMoreEvents()) {
        RecordedEvent event = events.readEvent();
        if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
          // JFR lists the running frame first.
          graph.add(event.getStackTrace().getFrames().stream().map(JfrProfile::frame).toList().reversed(), 1);
        }
      }
    }
    if (graph.samples() == 0) {
      throw new IllegalStateException("no execution samples in " + recording);
    }
    return graph;
  }

  private static String frame(RecordedFrame frame) {
    String type = HIDDEN_CLASS_ADDRESS.matcher(frame.getMethod().getType().getName()).replaceAll("");
    return type + "." + frame.getMethod().getName();
  }
}
