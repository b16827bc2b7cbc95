package org.monostore.benchmarks.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.monostore.stock.Stock;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How far one SKU's stock entity goes on its own: reservations asked of it directly, inside the
 * server's JVM, with no HTTP, cart or payment around them, so that what bounds it shows alone.
 */
@RestController
class StockEntityBenchmark {

  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

  private final ActorSystem<Void> system;
  private final ClusterSharding sharding;

  StockEntityBenchmark(ActorSystem<Void> system, ClusterSharding sharding) {
    this.system = system;
    this.sharding = sharding;
  }

  @PostMapping(value = "/bench/stock-entity", produces = "application/json")
  Map<String, Object> drop(
      @RequestParam String sku,
      @RequestParam int units,
      @RequestParam int orders,
      @RequestParam(defaultValue = "256") int inFlight) throws InterruptedException {
    EntityRef<Stock.Command> stock = sharding.entityRefFor(Stock.ENTITY_KEY, sku);
    AskPattern.<Stock.Command, Stock.Reply>ask(stock, replyTo -> new Stock.Receive(units, "benchmark", "benchmark",
        replyTo), ASK_TIMEOUT, system.scheduler()).toCompletableFuture().join();
    Instant until = Instant.now().plus(Duration.ofHours(1));
    long[] latencies = new long[orders];
    long[] grantedAt = new long[orders];
    boolean[] granted = new boolean[orders];
    Semaphore slots = new Semaphore(inFlight);
    CountDownLatch answered = new CountDownLatch(orders);
    long started = System.nanoTime();
    for (int i = 0; i < orders; i++) {
      int order = i;
      slots.acquire();
      long sent = System.nanoTime();
      CompletionStage<Stock.Reply> reply = AskPattern.ask(stock,
          replyTo -> new Stock.Reserve(UUID.randomUUID().toString(), 1, until, replyTo), ASK_TIMEOUT,
          system.scheduler());
      reply.whenComplete((answer, failure) -> {
        long now = System.nanoTime();
        latencies[order] = now - sent;
        granted[order] = answer instanceof Stock.Current;
        grantedAt[order] = now;
        slots.release();
        answered.countDown();
      });
    }
    answered.await();
    long ended = System.nanoTime();
    int reserved = 0;
    long soldOut = started;
    for (int i = 0; i < orders; i++) {
      if (granted[i]) {
        reserved++;
        soldOut = Math.max(soldOut, grantedAt[i]);
      }
    }
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("reserved", reserved);
    result.put("seconds", (ended - started) / 1e9);
    result.put("soldOutSeconds", (soldOut - started) / 1e9);
    result.put("p50Millis", sorted[(int) Math.ceil(0.5 * orders) - 1] / 1e6);
    result.put("p99Millis", sorted[(int) Math.ceil(0.99 * orders) - 1] / 1e6);
    result.put("maxMillis", sorted[orders - 1] / 1e6);
    return result;
  }
}
