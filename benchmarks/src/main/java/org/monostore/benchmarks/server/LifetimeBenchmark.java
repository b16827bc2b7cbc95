package org.monostore.benchmarks.server;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.monostore.cart.Cart;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Memory and lifetime of carts, measured inside the server's JVM: the heap each active cart retains,
 * the heap left once they have all passivated, and how long a passivated cart takes to wake with
 * many events behind it. Carts are driven through the actors directly, not over HTTP.
 */
@RestController
class LifetimeBenchmark {

  private static final List<String> SKUS =
      List.of("BOOK-000001", "BOOK-000002", "KITC-000001", "TOYS-000001", "HOME-000001", "OFFC-000001");
  // Short, because an ask's timeout stays in the scheduler until it is due, answered or not (see measure).
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
  private static final int IN_FLIGHT = 256;
  private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

  private final ActorSystem<Void> system;
  private final ClusterSharding sharding;
  private final Duration idleTimeout;

  LifetimeBenchmark(ActorSystem<Void> system, ClusterSharding sharding) {
    this.system = system;
    this.sharding = sharding;
    this.idleTimeout = system.settings().config()
        .getDuration("pekko.cluster.sharding.passivation.default-idle-strategy.idle-entity.timeout");
  }

  @PostMapping(value = "/bench/lifetime", produces = "application/json")
  Map<String, Object> measure(
      @RequestParam(defaultValue = "100000") int carts,
      @RequestParam(defaultValue = "5") int lines,
      @RequestParam(defaultValue = "100") int wakeCarts,
      @RequestParam(defaultValue = "10,100,1000") String events) throws InterruptedException {
    Map<String, Object> result = new LinkedHashMap<>();
    awaitNoLiveCarts();
    long baseline = settledHeap();
    Map<String, long[]> histogramBefore = classHistogram();
    inParallel(carts, i -> fill(UUID.randomUUID().toString(), lines));
    // The filling asks' timeouts are the asker's heap, not the carts': let them come due first, where
    // the idle timeout leaves room (a smoke run's does not).
    Duration drained =
        idleTimeout.compareTo(ASK_TIMEOUT.multipliedBy(2)) > 0 ? ASK_TIMEOUT.plusSeconds(1) : Duration.ZERO;
    Thread.sleep(drained.toMillis());
    int liveBefore = liveCarts();
    long active = settledHeap();
    // Carts filled first fall asleep while the heap settles: count the awake ones on both sides of it.
    int live = (liveBefore + liveCarts()) / 2;
    result.put("bytesPerActiveCartByClass", perCartByClass(histogramBefore, classHistogram(), live));
    awaitNoLiveCarts();
    long passivated = settledHeap();
    result.put("carts", carts);
    result.put("linesPerCart", lines);
    result.put("liveCartsCounted", live);
    result.put("measuredAfterFillSeconds", drained.toSeconds());
    result.put("heapBaselineBytes", baseline);
    result.put("heapActiveBytes", active);
    result.put("heapPassivatedBytes", passivated);
    result.put("bytesPerActiveCart", (active - baseline) / (double) live);
    result.put("bytesPerPassivatedCart", (passivated - baseline) / (double) carts);
    result.put("idleTimeoutSeconds", idleTimeout.toSeconds());

    wakeUp(wakeCarts, 10); // warms the recovery path up, so the first measured row is not a cold start
    List<Map<String, Object>> wakeUps = new ArrayList<>();
    for (int eventCount : Arrays.stream(events.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray()) {
      wakeUps.add(wakeUp(wakeCarts, eventCount));
    }
    result.put("wakeUps", wakeUps);
    return result;
  }

  /** Carts with the given number of events each go to sleep, then each is woken by one read. */
  private Map<String, Object> wakeUp(int count, int events) throws InterruptedException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    inParallel(count, i -> {
      String id = ids.get(i);
      ask(id, replyTo -> new Cart.Create("SE", "SEK", replyTo));
      ask(id, replyTo -> new Cart.AddItem(SKUS.getFirst(), 1, replyTo));
      for (int e = 2; e < events; e++) {
        boolean up = e % 2 == 0;
        ask(id, replyTo -> up
            ? new Cart.IncreaseQuantity(SKUS.getFirst(), 1, replyTo)
            : new Cart.DecreaseQuantity(SKUS.getFirst(), 1, replyTo));
      }
    });
    awaitNoLiveCarts();
    long[] micros = new long[count];
    for (int i = 0; i < count; i++) {
      String id = ids.get(i);
      long start = System.nanoTime();
      ask(id, Cart.Get::new);
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    Arrays.sort(micros);
    Map<String, Object> wake = new LinkedHashMap<>();
    wake.put("eventsPerCart", events);
    wake.put("carts", count);
    wake.put("p50Millis", micros[(int) Math.floor(0.50 * (count - 1))] / 1000.0);
    wake.put("p99Millis", micros[(int) Math.floor(0.99 * (count - 1))] / 1000.0);
    wake.put("maxMillis", micros[count - 1] / 1000.0);
    return wake;
  }

  private void fill(String id, int lines) {
    ask(id, replyTo -> new Cart.Create("SE", "SEK", replyTo));
    for (int line = 0; line < lines; line++) {
      String sku = SKUS.get(line % SKUS.size());
      ask(id, replyTo -> new Cart.AddItem(sku, 1, replyTo));
    }
  }

  private Cart.Reply ask(String id, Function<ActorRef<Cart.Reply>, Cart.Command> command) {
    Cart.Reply reply = sharding.entityRefFor(Cart.ENTITY_KEY, id)
        .ask(command::apply, ASK_TIMEOUT).toCompletableFuture().join();
    if (reply instanceof Cart.Rejected rejected) {
      throw new IllegalStateException("cart " + id + " refused: " + rejected.rejection().detail());
    }
    return reply;
  }

  private interface Task {
    void run(int index);
  }

  private static void inParallel(int count, Task task) throws InterruptedException {
    Semaphore slots = new Semaphore(IN_FLIGHT);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        int index = i;
        slots.acquire();
        threads.submit(() -> {
          try {
            task.run(index);
          } finally {
            slots.release();
          }
        });
      }
    }
  }

  private void awaitNoLiveCarts() throws InterruptedException {
    long deadline = System.nanoTime() + idleTimeout.multipliedBy(4).plusSeconds(30).toNanos();
    while (liveCarts() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(liveCarts() + " carts still awake after " + idleTimeout.multipliedBy(4));
      }
      Thread.sleep(1_000);
    }
  }

  private int liveCarts() {
    ShardRegion.CurrentShardRegionState state =
        AskPattern.<ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
                sharding.shardState(), replyTo -> new GetShardRegionState(Cart.ENTITY_KEY, replyTo),
                ASK_TIMEOUT, system.scheduler())
            .toCompletableFuture().join();
    return state.getShards().stream().mapToInt(shard -> shard.getEntityIds().size()).sum();
  }

  /**
   * Live objects by class ({@code jcmd GC.class_histogram}, taken in-process): class name to
   * {instances, bytes}.
   */
  private static Map<String, long[]> classHistogram() {
    try {
      Object text = ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      Map<String, long[]> histogram = new HashMap<>();
      for (String line : text.toString().split("\n")) {
        Matcher row = HISTOGRAM_ROW.matcher(line);
        if (row.find()) {
          histogram.put(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))});
        }
      }
      return histogram;
    } catch (JMException e) {
      throw new IllegalStateException("no class histogram", e);
    }
  }

  /** The classes whose live bytes grew most with the carts, as bytes per awake cart. */
  private static List<Map<String, Object>> perCartByClass(
      Map<String, long[]> before, Map<String, long[]> after, int carts) {
    return after.entrySet().stream()
        .map(entry -> {
          long[] was = before.getOrDefault(entry.getKey(), new long[2]);
          return Map.<String, Object>of(
              "class", entry.getKey(),
              "instancesPerCart", (entry.getValue()[0] - was[0]) / (double) carts,
              "bytesPerCart", (entry.getValue()[1] - was[1]) / (double) carts);
        })
        .sorted(Comparator.comparingDouble((Map<String, Object> row) -> (double) row.get("bytesPerCart")).reversed())
        .limit(15)
        .toList();
  }

  /** Used heap after full collections, once it stops shrinking. */
  private static long settledHeap() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    long previous = Long.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      System.gc();
      Thread.sleep(200);
      long used = memory.getHeapMemoryUsage().getUsed();
      if (used >= previous - 64 * 1024) {
        return Math.min(used, previous);
      }
      previous = used;
    }
    return previous;
  }
}
