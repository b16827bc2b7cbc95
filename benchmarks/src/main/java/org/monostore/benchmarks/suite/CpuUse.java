package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CPU went during one Gatling run of {@code seconds}, from the start of Gatling's JVM to its
 * exit: CPU seconds of the whole machine, of the store's JVM and of Gatling's JVM. With the store and
 * its load generator on the same two cores, this tells a latency the store caused from one of a full
 * machine. NaN where the platform has no /proc.
 */
record CpuUse(double seconds, double busySeconds, double storeSeconds, double generatorSeconds) {

  static final CpuUse NOT_MEASURED = new CpuUse(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  double busyCores() {
    return busySeconds / seconds;
  }

  double storeMicrosPerRequest(long requests) {
    return storeSeconds * 1e6 / requests;
  }

  double generatorMicrosPerRequest(long requests) {
    return generatorSeconds * 1e6 / requests;
  }

  /** A reading at one instant: the machine's busy and total CPU time, and the store's. */
  record Reading(long nanos, double machineBusySeconds, double storeSeconds) {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** /proc/stat counts in USER_HZ, 100 per second on Linux whatever the kernel's tick. */
    private static final double TICKS_PER_SECOND = 100;

    static Reading now(long storePid) {
      return new Reading(System.nanoTime(), readMachineBusySeconds(), cpuSeconds(storePid));
    }

    /** Cores used between this reading and {@code later}, given the generator's CPU seconds meanwhile. */
    CpuUse until(Reading later, double generatorSeconds) {
      return new CpuUse((later.nanos - nanos) / 1e9, later.machineBusySeconds - machineBusySeconds,
          later.storeSeconds - storeSeconds, generatorSeconds);
    }

    /** All CPU time but idle and waiting for I/O, summed over the cores. */
    static double readMachineBusySeconds() {
      try {
        String[] fields = Files.readAllLines(PROC_STAT).getFirst().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
          if (i != 4 && i != 5) { // idle, iowait
            busy += Long.parseLong(fields[i]);
          }
        }
        return busy / TICKS_PER_SECOND;
      } catch (IOException | RuntimeException unavailable) {
        return Double.NaN;
      }
    }
  }

  static double cpuSeconds(long pid) {
    return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration())
        .map(cpu -> cpu.toNanos() / 1e9).orElse(Double.NaN);
  }
}
