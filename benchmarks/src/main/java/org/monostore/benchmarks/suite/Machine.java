package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run measured, so that every figure in the report says where it came from. */
record Machine(int cores, String cpu, String memory, String os, String java, String postgres) {

  static Machine describe(String postgresVersion) {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        procValue("/proc/cpuinfo", "model name"),
        procValue("/proc/meminfo", "MemTotal"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        "PostgreSQL " + postgresVersion);
  }

  /** The machine as a report's first two list items: cores and memory; the software, PostgreSQL's version last. */
  String bullets() {
    return "- " + cores + " cores: " + cpu + "; memory " + memory + "\n- " + os + "; " + java + "; " + postgres;
  }

  /** The load averages over 1, 5 and 15 minutes, as uptime shows them: the machine is shared. */
  static String load() {
    try {
      String[] averages = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return averages[0] + ", " + averages[1] + ", " + averages[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String procValue(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst().orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
