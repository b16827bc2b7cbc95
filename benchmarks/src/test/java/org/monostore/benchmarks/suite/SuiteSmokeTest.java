package org.monostore.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark suite end to end, briefly: a fresh server, every workload through Gatling, the wrk
 * runs, pgbench, whole checkouts, the promotion workloads, the stock drops, the memory and wake-up measurement, the GC log, the profile of the cart writes, and
 * the report. It proves the suite runs; it judges no timing.
 */
class SuiteSmokeTest {

  @TempDir Path work;

  @Test
  void theWholeSuiteRunsAndWritesItsReport() throws Exception {
    Suite.Results results = Suite.run(Suite.Settings.smoke(work));

    assertThat(results.failures()).isEmpty();
    assertThat(results.closed()).extracting(LoadResult::workload).containsExactlyElementsOf(Suite.WORKLOADS);
    assertThat(results.closed()).allSatisfy(run -> {
      assertThat(run.requests()).as(run.workload()).isPositive();
      assertThat(run.failed()).as(run.workload() + " failures").isZero();
    });
    assertThat(results.wrk()).extracting(LoadResult::workload).containsExactlyElementsOf(WrkRun.WORKLOADS);
    assertThat(results.wrk()).allSatisfy(run -> assertThat(run.requests()).as(run.workload()).isPositive());
    assertThat(results.pgbench()).singleElement().satisfies(run -> assertThat(run.requests()).isPositive());
    assertThat(results.open()).extracting(LoadResult::workload).containsExactly(
        "product-lookup", "line-update", "product-lookup", "line-update");
    assertThat(results.open()).allSatisfy(run -> {
      assertThat(run.requests()).as(run.workload()).isPositive();
      assertThat(run.failed()).as(run.workload() + " failures").isZero();
      assertThat(run.cpu().busySeconds()).as("machine's CPU during " + run.workload()).isPositive();
      assertThat(run.cpu().storeSeconds()).as("store's CPU during " + run.workload()).isPositive();
      assertThat(run.cpu().generatorSeconds()).as("Gatling's CPU during " + run.workload()).isPositive();
    });
    assertThat(results.checkout()).singleElement().satisfies(run -> {
      assertThat(run.orders().requests()).as("whole orders").isPositive();
      assertThat(run.orders().failed()).as("failed orders").isZero();
      assertThat(run.requests().failed()).as("failed checkout requests").isZero();
      assertThat(run.steps()).extracting(LoadResult::workload).containsExactly("create cart", "add line",
          "create order", "give contact", "add payment", "authorize", "create fulfilment", "read order");
      assertThat(run.steps()).allSatisfy(step -> assertThat(step.p99Millis()).as(step.workload()).isPositive());
    });
    assertThat(results.promotions().rounds()).extracting(PromotionLoad.Round::promotions)
        .containsExactly(0, PromotionLoad.PROMOTIONS, 0, PromotionLoad.PROMOTIONS);
    assertThat(results.promotions().rounds()).allSatisfy(round -> {
      assertThat(round.writes().requests()).isPositive();
      assertThat(round.answerBytes()).isPositive();
    });
    assertThat(results.promotions().rounds().get(1).applied()).as("promotions applied to an office line").isPositive();
    assertThat(results.promotions().drop()).satisfies(drop -> {
      assertThat(drop.failed()).as("failed checkouts in the drop").isZero();
      assertThat(drop.paidWithCode()).as("orders paid with the code").isEqualTo(drop.uses());
      assertThat(drop.paidWithout()).isEqualTo(drop.shoppers() - drop.uses());
    });
    assertThat(results.stock().runs()).extracting(StockLoad.Run::system, StockLoad.Run::skus)
        .containsExactly(tuple("store", 1), tuple("JDBC baseline", 1), tuple(StockLoad.ENTITY_ALONE_SYSTEM, 1),
            tuple("store", 100), tuple("JDBC baseline", 100));
    assertThat(results.stock().runs()).allSatisfy(run -> {
      assertThat(run.failed()).as(run.system() + " failures").isZero();
      assertThat(run.reserved()).as(run.system() + " reservations").isEqualTo(Math.min(run.units(), run.shoppers()));
      assertThat(run.refused()).isEqualTo(run.shoppers() - run.reserved());
    });
    assertThat(results.gc().log()).isRegularFile();
    assertThat(results.lifetime()).containsEntry("liveCartsCounted", 200);
    assertThat(results.lifetime().get("wakeUps")).asList().hasSize(2);
    assertThat(results.lifetime().get("bytesPerActiveCartByClass")).asList().isNotEmpty();
    assertThat(results.readModelsCaughtUp()).isNotNull();

    String report = Files.readString(work.resolve("benchmarks.md"));
    assertThat(report).contains("## Targets", "## Throughput and latency by concurrency", "## Open model",
        "## Memory and lifetime", "Where an awake cart's heap goes", "The read models (the admin's projections) then took", "cart writes", "JDBC baseline writes", "pgbench single-row insert", "ping (HTTP ceiling)",
        "## The same load from wrk", "product lookups / ping, 64 clients (wrk)", "GC pauses of the store's JVM",
        "Gatling, µs per request",
        "## Profile of the hot path", "| checkout (whole orders) | 2 |", "## Checkout: whole orders",
        "| read order |", "## Promotions", "### A coupon drop", "cart writes with 100 active promotions / without", "## Stock: drops",
        "stock drop through the store: units reserved, 1 SKU", "![flame graph of the cart writes](benchmarks-flame-cart-writes.svg)");
    assertThat(report).containsPattern(
        "closed model at 2 clients: product lookups \\d+\\.\\d\\d cores busy, the store's JVM [\\d,]+ µs and Gatling");
    assertThat(results.hotPath().samples()).isPositive();
    assertThat(Files.readString(work.resolve("benchmarks-flame-cart-writes.svg"))).startsWith("<svg").contains("<title>");
    assertThat(Files.readString(work.resolve("benchmarks-throughput.svg"))).startsWith("<svg").contains("cart writes");
    assertThat(Files.readString(work.resolve("benchmarks-p99.svg"))).startsWith("<svg");
    try (Stream<Path> files = Files.walk(work.resolve("gatling"))) {
      assertThat(files.filter(path -> path.endsWith("index.html")).count()).isEqualTo(Suite.WORKLOADS.size() + 6);
    }
  }
}
