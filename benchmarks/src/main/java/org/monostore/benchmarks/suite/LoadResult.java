package org.monostore.benchmarks.suite;

/**
 * One measured run: a workload at a concurrency (closed model: clients) or an arrival rate (open model),
 * with its throughput and latency. Latencies in milliseconds.
 */
record LoadResult(
    String workload, int clients, int rate, long requests, long failed, double perSecond,
    double p50Millis, double p99Millis, double maxMillis) {

  boolean isOpenModel() {
    return rate > 0;
  }
}
