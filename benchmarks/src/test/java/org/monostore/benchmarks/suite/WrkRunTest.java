package org.monostore.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** wrk's output as wrk 4.1 prints it with --latency and wrk.lua's own line. */
class WrkRunTest {

  private static final Path OUTPUT = Path.of("cart-write-c64.out");

  private static String output(String errors, String unexpected) {
    return """
        Running 5s test @ http://localhost:8080
          2 threads and 64 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     4.81ms    4.22ms    1.02s    93.50%
            Req/Sec     0.92k   281.89     1.61k    70.00%
          Latency Distribution
             50%  731.00us
             75%    5.93ms
             90%    8.24ms
             99%   21.15ms
          5477 requests in 3.00s, 2.69MB read
        """ + errors + """
        Requests/sec:   1823.10
        Transfer/sec:      0.90MB
        Answers other than 200:\s""" + unexpected + "\n";
  }

  @Test
  void readsThroughputAndLatenciesInTheirUnits() {
    LoadResult result = WrkRun.parse("cart-write", 64, output("", "0"), OUTPUT);

    assertThat(result).isEqualTo(new LoadResult("cart-write", 64, 0, 5477, 0, 1823.10, 0.731, 21.15, 1020));
  }

  @Test
  void aRunWithAnswersOtherThan200OrSocketErrorsFails() {
    assertThatThrownBy(() -> WrkRun.parse("cart-write", 64, output("", "12"), OUTPUT))
        .hasMessageContaining("12 of 5477 requests failed");
    assertThatThrownBy(() -> WrkRun.parse("cart-write", 64,
            output("  Socket errors: connect 0, read 2, write 0, timeout 1\n", "0"), OUTPUT))
        .hasMessageContaining("3 of 5477 requests failed");
  }
}
