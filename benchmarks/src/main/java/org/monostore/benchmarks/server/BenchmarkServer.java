package org.monostore.benchmarks.server;

import org.monostore.MonoStoreApplication;
import org.springframework.boot.SpringApplication;

/**
 * The store as the benchmarks run it: the real application, plus the reference points that must share
 * its HTTP stack and database (a constant endpoint, the JDBC baseline cart and stock) and the in-process memory
 * and wake-up measurements and the stock entity's own drop. None of these exist in the store itself.
 */
public final class BenchmarkServer {

  private BenchmarkServer() {}

  public static void main(String[] args) {
    SpringApplication.run(
        new Class<?>[] {MonoStoreApplication.class, Ping.class, JdbcCartController.class, JdbcCarts.class,
            JdbcStockController.class, JdbcStocks.class, LifetimeBenchmark.class, StockEntityBenchmark.class},
        args);
  }
}
