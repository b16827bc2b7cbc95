package org.monostore.benchmarks.suite;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU seconds of a group of processes (a cluster's nodes, PostgreSQL's server and its backends), each
 * read while it lives: a process's CPU time can no longer be read once it has exited.
 */
final class ProcessCpu {

  private ProcessCpu() {}

  /** Each live process's CPU seconds so far, by pid. */
  static Map<Long, Double> read(Stream<ProcessHandle> processes) {
    return processes.collect(Collectors.toMap(ProcessHandle::pid, process -> CpuUse.cpuSeconds(process.pid()),
        (first, second) -> first));
  }

  /** PostgreSQL's server and every process it started (a backend per connection, its own workers). */
  static Stream<ProcessHandle> database(long postmasterPid) {
    return ProcessHandle.of(postmasterPid).stream().flatMap(server -> Stream.concat(Stream.of(server), server.descendants()));
  }

  /**
   * The CPU seconds spent between two readings: a process born meanwhile counts from zero; one that
   * exited meanwhile is missing from {@code after}, and its last seconds with it; one that could not be
   * read (NaN) is left out.
   */
  static double spent(Map<Long, Double> before, Map<Long, Double> after) {
    return after.entrySet().stream()
        .filter(entry -> !entry.getValue().isNaN() && !before.getOrDefault(entry.getKey(), 0.0).isNaN())
        .mapToDouble(entry -> entry.getValue() - before.getOrDefault(entry.getKey(), 0.0)).sum();
  }
}
