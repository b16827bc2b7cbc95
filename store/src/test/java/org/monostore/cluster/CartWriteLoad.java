package org.monostore.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady write load on carts through the nodes it is given, one writer per cart, and the client's
 * ledger of it: every acknowledged write, when it was acknowledged, and every answer that was not a
 * 200. Each write carries an Idempotency-Key and is retried with the same key after a 503 or a failed
 * connection, as the API tells clients to: so each write is made exactly once, and a cart's quantity
 * must equal its acknowledged writes.
 */
final class CartWriteLoad implements AutoCloseable {

  static final String SKU = "BOOK-000001";

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(1))
      .build();
  private final List<String> carts;
  private volatile List<Integer> ports;
  private volatile boolean running = true;
  private final List<Thread> writers = new ArrayList<>();
  private final Map<String, ConcurrentLinkedQueue<Long>> acknowledgedAt = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final AtomicInteger serviceUnavailableWithoutRetryAfter = new AtomicInteger();
  private final AtomicInteger connectionFailures = new AtomicInteger();
  private final AtomicInteger abandoned = new AtomicInteger();
  private final AtomicLong longestWriteNanos = new AtomicLong();
  private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

  CartWriteLoad(List<String> carts, List<Integer> ports) {
    this.carts = carts;
    this.ports = ports;
    carts.forEach(cart -> acknowledgedAt.put(cart, new ConcurrentLinkedQueue<>()));
  }

  CartWriteLoad start() {
    for (String cart : carts) {
      writers.add(Thread.ofVirtual().name("writer-" + cart).start(() -> write(cart)));
    }
    return this;
  }

  /** From now on the load goes through these nodes' HTTP ports only. */
  void through(List<Integer> ports) {
    this.ports = ports;
  }

  private void write(String cart) {
    int turn = Math.floorMod(cart.hashCode(), 7);
    while (running) {
      String key = UUID.randomUUID().toString();
      long began = System.nanoTime();
      long deadline = began + Duration.ofSeconds(60).toNanos();
      boolean done = false;
      while (!done) {
        if (System.nanoTime() > deadline) {
          abandoned.incrementAndGet();
          return;
        }
        List<Integer> targets = ports;
        int port = targets.get(Math.floorMod(turn++, targets.size()));
        try {
          HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/api/carts/" + cart + "/items"))
                  .timeout(Duration.ofSeconds(20))
                  .header("Content-Type", "application/json")
                  .header("Idempotency-Key", key)
                  .POST(HttpRequest.BodyPublishers.ofString("{\"sku\": \"" + SKU + "\", \"quantity\": 1}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
          answers.computeIfAbsent(response.statusCode(), status -> new AtomicInteger()).incrementAndGet();
          switch (response.statusCode()) {
            case 200 -> {
              long now = System.nanoTime();
              acknowledgedAt.get(cart).add(now);
              longestWriteNanos.accumulateAndGet(now - began, Math::max);
              done = true;
            }
            case 503 -> {
              if (response.headers().firstValue("Retry-After").isEmpty()) {
                serviceUnavailableWithoutRetryAfter.incrementAndGet();
              }
              pause();
            }
            default -> {
              unexpected.add(response.statusCode() + " " + response.body());
              done = true;
            }
          }
        } catch (IOException failedConnection) {
          connectionFailures.incrementAndGet();
          pause();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops taking new writes and waits until every write begun is acknowledged (or abandoned). */
  @Override
  public void close() throws InterruptedException {
    running = false;
    for (Thread writer : writers) {
      writer.join(Duration.ofSeconds(90));
    }
  }

  int acknowledged(String cart) {
    return acknowledgedAt.get(cart).size();
  }

  int acknowledged() {
    return acknowledgedAt.values().stream().mapToInt(ConcurrentLinkedQueue::size).sum();
  }

  /** The first acknowledgement of a write to one of {@code carts} after {@code nanoTime}. */
  OptionalLong firstAcknowledgedAfter(long nanoTime, List<String> carts) {
    return carts.stream()
        .flatMap(cart -> acknowledgedAt.get(cart).stream())
        .mapToLong(Long::longValue)
        .filter(at -> at > nanoTime)
        .min();
  }

  /** The time by which every one of {@code carts} had a write acknowledged after {@code nanoTime}. */
  OptionalLong allAcknowledgedAfter(long nanoTime, List<String> carts) {
    long latest = Long.MIN_VALUE;
    for (String cart : carts) {
      OptionalLong first = firstAcknowledgedAfter(nanoTime, List.of(cart));
      if (first.isEmpty()) {
        return OptionalLong.empty();
      }
      latest = Math.max(latest, first.getAsLong());
    }
    return OptionalLong.of(latest);
  }

  Map<Integer, AtomicInteger> answers() {
    return answers;
  }

  List<String> unexpected() {
    return unexpected;
  }

  int serviceUnavailableWithoutRetryAfter() {
    return serviceUnavailableWithoutRetryAfter.get();
  }

  int connectionFailures() {
    return connectionFailures.get();
  }

  int abandoned() {
    return abandoned.get();
  }

  Duration longestWrite() {
    return Duration.ofNanos(longestWriteNanos.get());
  }
}
