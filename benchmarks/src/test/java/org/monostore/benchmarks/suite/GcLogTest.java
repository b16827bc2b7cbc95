package org.monostore.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines as a JDK 25 with G1 writes them under {@link GcLog#OPTION}. */
class GcLogTest {

  @TempDir Path work;

  @Test
  void countsThePausesThatEndedInTheWindow() throws Exception {
    Path log = Files.writeString(work.resolve("gc.log"), """
        [2026-11-25T11:49:19.035+0000][info][gc     ] Using G1
        [2026-11-25T11:49:19.313+0000][info][gc          ] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 15M->4M(256M) 4.805ms
        [2026-11-25T11:49:20.313+0000][info][gc,start    ] GC(1) Pause Young (Normal) (G1 Evacuation Pause)
        [2026-11-25T11:49:20.317+0000][info][gc,phases   ] GC(1)   Evacuate Collection Set: 4.16ms
        [2026-11-25T11:49:20.321+0000][info][gc          ] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 111M->8M(256M) 8.572ms
        [2026-11-25T11:49:20.400+0000][info][gc          ] GC(2) Concurrent Mark Cycle 12.345ms
        [2026-11-25T11:49:20.500+0000][info][gc          ] GC(2) Pause Remark 20M->20M(256M) 1.250ms
        [2026-11-25T11:49:21.500+0000][info][gc          ] GC(3) Pause Full (System.gc()) 20M->3M(256M) 30.000ms
        """);

    GcLog.Pauses pauses = GcLog.pauses(log, Instant.parse("2026-11-25T11:49:20Z"), Instant.parse("2026-11-25T11:49:21Z"));

    assertThat(pauses.count()).isEqualTo(2);
    assertThat(pauses.totalMillis()).isCloseTo(9.822, within(1e-9));
    assertThat(pauses.maxMillis()).isEqualTo(8.572);
  }
}
