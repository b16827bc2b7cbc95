package org.monostore.benchmarks.suite;

/**
 * One measured run: a workload at a concurrency (closed model: clients) or an arrival rate (open model),
 * with its throughput and latency, and for Gatling's runs where the CPU went. Latencies in milliseconds.
 */
record LoadResult(
    String workload, int clients, int rate, long requests, long failed, double perSecond,
    double p50Millis, double p99Millis, double maxMillis, CpuUse cpu) {

  LoadResult(String workload, int clients, int rate, long requests, long failed, double perSecond,
      double p50Millis, double p99Millis, double maxMillis) {
    this(workload, clients, rate, requests, failed, perSecond, p50Millis, p99Millis, maxMillis, CpuUse.NOT_MEASURED);
  }

  LoadResult withCpu(CpuUse measured) {
    return new LoadResult(workload, clients, rate, requests, failed, perSecond, p50Millis, p99Millis, maxMillis, measured);
  }

  boolean isOpenModel() {
    return rate > 0;
  }
}
