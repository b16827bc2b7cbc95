package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The promotion workloads, on the suite's server, which starts without demo promotions:
 * <ul>
 *   <li>What 100 active automatic promotions cost a cart write: wrk's cart writes at the reference level,
 *       in rounds without them and with them in turn (all paused, then all resumed), on the same carts,
 *       so that both see the same journal and the same JIT.
 *   <li>A coupon drop: many shoppers at once with one code whose promotion has fewer uses than there are
 *       shoppers, each checking out with it; a shopper refused at payment takes the code out and pays
 *       without it, as a shop's page would offer.
 * </ul>
 */
final class PromotionLoad {

  /** The name {@code --only=} takes. */
  static final String WORKLOAD = "promotions";

  /** How many automatic promotions are active in the carts' market in the rounds with promotions. */
  static final int PROMOTIONS = 100;

  private static final String MARKET = "SE";
  private static final List<String> CATEGORIES = List.of("Electronics", "Books", "Kitchen", "Clothing", "Toys",
      "Sports", "Garden", "Beauty", "Grocery", "Home", "Office");
  /** The admin's password the suite starts its server with, as the store would otherwise make one up. */
  static final String ADMIN_PASSWORD = "benchmark";
  private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
      ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  private static final String DROP_CODE = "DROP-BENCH";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** How the rounds take turns: without, with, without, with. */
  private static final int ROUNDS = 4;

  /**
   * One round of cart writes: with how many active promotions, wrk's figures, the store's CPU per write,
   * and what a write's answer then was: its size and how many promotions it named as applied and not.
   */
  record Round(int promotions, LoadResult writes, double storeMicrosPerWrite, int answerBytes, int applied,
      int notApplied) {}

  /** A coupon drop's outcome: each shopper paid with the code, paid without it, or failed. */
  record Drop(int shoppers, int uses, int paidWithCode, int paidWithout, int failed, double seconds,
      List<Step> steps) {}

  /** One step of the drop's checkouts over all its shoppers, latencies in milliseconds. */
  record Step(String name, int count, double p50Millis, double p99Millis, double maxMillis) {}

  record Results(List<Round> rounds, Drop drop) {}

  private PromotionLoad() {}

  /** The drop's shoppers and the code's uses: the smoke test's are few, so as to be brief. */
  static int dropShoppers(Suite.Settings settings) {
    return settings.seconds() >= 10 ? 500 : 20;
  }

  static int dropUses(Suite.Settings settings) {
    return dropShoppers(settings) / 5;
  }

  static Results measure(Suite.Settings settings, BenchmarkServerProcess server, List<String> failures)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = server.baseUrl();
    List<Round> rounds = new ArrayList<>();
    try {
      int clients = Suite.profiledClients(settings);
      Path carts = Carts.prepare(base + "/api/carts", Math.max(clients, 50) + 10,
          settings.workDir().resolve("carts-promotions.csv"));
      String probe = firstCart(carts);
      List<String> promotions = new ArrayList<>();
      for (int i = 0; i < PROMOTIONS; i++) {
        promotions.add(create(http, base, automatic(i)));
      }
      // A round of writes with the promotions first, unmeasured: the suite's warm-up leaves this path cold,
      // and a cold first round would flatter whichever rounds come after it.
      awaitActive(http, base, PROMOTIONS);
      WrkRun.start(settings.workDir(), "promotions-warm-up-c" + clients, base, "cart-write", clients,
          settings.seconds(), carts).await();
      for (int round = 0; round < ROUNDS; round++) {
        boolean with = round % 2 == 1;
        for (String id : promotions) {
          send(http, admin(base + "/api/admin/promotions/" + id + (with ? "/resume" : "/pause")).POST(none()), 200);
        }
        awaitActive(http, base, with ? PROMOTIONS : 0);
        JsonNode answer = JSON.readTree(send(http, post(base + "/api/carts/" + probe + "/items/"
            + firstSku(carts) + "/increase", ""), 200));
        int bytes = JSON.writeValueAsBytes(answer).length;
        Suite.say("promotions: cart writes with " + (with ? PROMOTIONS : 0) + " promotions (round " + (round + 1) + ")");
        CpuUse.Reading before = CpuUse.Reading.now(server.pid());
        LoadResult writes = WrkRun.start(settings.workDir(), "promotions-round" + (round + 1) + "-c" + clients,
            base, "cart-write", clients, settings.seconds(), carts).await();
        CpuUse cpu = before.until(CpuUse.Reading.now(server.pid()), 0);
        rounds.add(new Round(with ? PROMOTIONS : 0, writes, cpu.storeMicrosPerRequest(writes.requests()), bytes,
            answer.path("promotions").path("applied").size(), answer.path("promotions").path("notApplied").size()));
      }
      for (String id : promotions) {
        send(http, admin(base + "/api/admin/promotions/" + id + "/end").POST(none()), 200);
      }
    } catch (IOException | RuntimeException e) {
      Suite.failed("promotions: cart writes with and without " + PROMOTIONS + " promotions", e, failures);
    }
    Drop drop = null;
    try {
      Suite.say("promotions: a coupon drop, " + dropShoppers(settings) + " shoppers and " + dropUses(settings) + " uses");
      drop = drop(http, base, dropShoppers(settings), dropUses(settings));
    } catch (IOException | RuntimeException e) {
      Suite.failed("promotions: the coupon drop", e, failures);
    }
    return new Results(rounds, drop);
  }

  /**
   * The promotion workloads alone on a freshly started store, after the suite's warm-up, for figures
   * before and after a change to pricing: prints their section of the report and writes it to
   * {@code promotions.md} in the run's folder.
   */
  static Results alone(Suite.Settings settings) throws IOException, InterruptedException {
    return Suite.alone(settings, "The promotion workloads alone",
        (server, failures) -> measure(settings, server, failures), PromotionLoad::section);
  }

  /**
   * Promotion {@code i} of the hundred: each on one category (so a cart of one line qualifies for about
   * one in eleven), the rewards in turn, one in ten exclusive, priorities spread.
   */
  static String automatic(int i) {
    String category = CATEGORIES.get(i % CATEGORIES.size());
    String target = "{\"categories\": [\"" + category + "\"]}";
    String reward = switch (i % 5) {
      case 0 -> "{\"type\": \"PERCENT_OFF\", \"percent\": " + (1 + i % 20) + ", \"target\": " + target + "}";
      case 1 -> "{\"type\": \"AMOUNT_OFF\", \"amount\": " + (1000 + 100 * i) + ", \"target\": " + target + "}";
      case 2 -> "{\"type\": \"SPEND_TIERS\", \"tiers\": [{\"threshold\": 50000, \"percent\": 5}, "
          + "{\"threshold\": 200000, \"percent\": 8}], \"target\": " + target + "}";
      case 3 -> "{\"type\": \"BUY_GET\", \"buy\": 3, \"get\": 1, \"percent\": 50, \"target\": " + target + "}";
      default -> "{\"type\": \"FREE_SHIPPING\"}";
    };
    String conditions = "{\"markets\": [\"" + MARKET + "\"], \"minimumSubtotal\": " + (i % 4) * 10000
        + (i % 5 == 4 ? ", \"requires\": " + target : "") + "}";
    return "{\"name\": \"Benchmark " + i + ": " + category + "\", \"trigger\": \"AUTOMATIC\", \"priority\": " + (i % 7)
        + ", \"stacking\": \"" + (i % 10 == 9 ? "EXCLUSIVE" : "STACKABLE") + "\", \"currency\": \"SEK\", "
        + "\"conditions\": " + conditions + ", \"reward\": " + reward + "}";
  }

  /** Waits until the node's copy of the promotions holds {@code expected} active ones. */
  private static void awaitActive(HttpClient http, String base, int expected)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      int active = JSON.readTree(send(http, admin(base + "/api/admin/promotions?status=ACTIVE").GET(), 200)).size();
      if (active == expected) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(active + " promotions were active, not " + expected + ", after a minute");
      }
      Thread.sleep(100);
    }
  }

  /** {@code shoppers} at once, each checking out with the code of a promotion that has {@code uses} uses. */
  private static Drop drop(HttpClient http, String base, int shoppers, int uses)
      throws IOException, InterruptedException {
    String promotion = create(http, base, "{\"name\": \"The drop: 20 % off\", \"trigger\": \"CODE\", "
        + "\"conditions\": {\"markets\": [\"" + MARKET + "\"]}, \"reward\": {\"type\": \"PERCENT_OFF\", \"percent\": 20}, "
        + "\"limits\": {\"uses\": " + uses + "}}");
    send(http, admin(base + "/api/admin/promotions/" + promotion + "/codes")
        .POST(body("{\"codes\": [\"" + DROP_CODE + "\"]}")), 200);
    awaitCodeKnown(http, base);
    List<Shopper> done = new ArrayList<>();
    long started = System.nanoTime();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Shopper>> running = new ArrayList<>();
      for (int i = 0; i < shoppers; i++) {
        int shopper = i;
        running.add(threads.submit(() -> checkOut(http, base, promotion, shopper)));
      }
      for (Future<Shopper> shopper : running) {
        try {
          done.add(shopper.get());
        } catch (ExecutionException e) {
          done.add(Shopper.failed());
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    send(http, admin(base + "/api/admin/promotions/" + promotion + "/end").POST(none()), 200);
    List<Step> steps = new ArrayList<>();
    for (String name : Shopper.STEPS) {
      List<Long> nanos = done.stream().flatMap(s -> s.timings().stream()).filter(t -> t.step().equals(name))
          .map(Timing::nanos).sorted().toList();
      if (!nanos.isEmpty()) {
        steps.add(new Step(name, nanos.size(), percentile(nanos, 50), percentile(nanos, 99), nanos.getLast() / 1e6));
      }
    }
    return new Drop(shoppers, uses, (int) done.stream().filter(s -> s.outcome() == Outcome.WITH_CODE).count(),
        (int) done.stream().filter(s -> s.outcome() == Outcome.WITHOUT_CODE).count(),
        (int) done.stream().filter(s -> s.outcome() == Outcome.FAILED).count(), seconds, steps);
  }

  /** A new code reaches the node's copy of the promotions within the poll interval: the drop starts after. */
  private static void awaitCodeKnown(HttpClient http, String base) throws IOException, InterruptedException {
    String cart = JSON.readTree(send(http, post(base + "/api/carts", "{}"), 201)).path("id").asString();
    send(http, post(base + "/api/carts/" + cart + "/items", "{\"sku\": \"BOOK-000001\", \"quantity\": 1}"), 200);
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (http.send(post(base + "/api/carts/" + cart + "/coupons", "{\"code\": \"" + DROP_CODE + "\"}"),
        HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the drop's code did not price a cart within a minute");
      }
      Thread.sleep(100);
    }
  }

  private enum Outcome { WITH_CODE, WITHOUT_CODE, FAILED }

  private record Timing(String step, long nanos) {}

  private record Shopper(Outcome outcome, List<Timing> timings) {
    static final List<String> STEPS = List.of("create cart", "add line", "enter code", "create order",
        "give contact", "add payment", "remove code", "add payment again", "authorize", "whole checkout");

    static Shopper failed() {
      return new Shopper(Outcome.FAILED, List.of());
    }
  }

  /** One shopper's checkout with the drop's code; any answer it does not expect fails the shopper. */
  private static Shopper checkOut(HttpClient http, String base, String promotion, int shopper)
      throws IOException, InterruptedException {
    List<Timing> timings = new ArrayList<>();
    long started = System.nanoTime();
    String cart = JSON.readTree(timed(timings, "create cart", http, post(base + "/api/carts", "{}"), 201).body())
        .path("id").asString();
    String carts = base + "/api/carts/" + cart;
    timed(timings, "add line", http, post(carts + "/items",
        "{\"sku\": \"BOOK-%06d\", \"quantity\": 2}".formatted(1 + shopper % 200)), 200);
    boolean withCode = timed(timings, "enter code", http,
        post(carts + "/coupons", "{\"code\": \"" + DROP_CODE + "\"}"), 200, 409).statusCode() == 200;
    String order = JSON.readTree(timed(timings, "create order", http,
        post(base + "/api/orders", "{\"cartId\": \"" + cart + "\"}"), 201).body()).path("id").asString();
    String orders = base + "/api/orders/" + order;
    timed(timings, "give contact", http, HttpRequest.newBuilder(URI.create(orders + "/contact"))
        .header("Content-Type", "application/json").PUT(body(contact(shopper))).build(), 200);
    String payment = "{\"method\": \"card\", \"token\": \"tok_approve\"}";
    HttpResponse<String> paid = timed(timings, "add payment", http, post(orders + "/payments", payment), 201, 409);
    if (paid.statusCode() == 409) {
      withCode = false;
      timed(timings, "remove code", http, HttpRequest.newBuilder(URI.create(carts + "/coupons/" + DROP_CODE))
          .DELETE().build(), 200);
      paid = timed(timings, "add payment again", http, post(orders + "/payments", payment), 201);
    }
    String paymentId = JSON.readTree(paid.body()).path("id").asString();
    JsonNode authorized = JSON.readTree(timed(timings, "authorize", http,
        post(orders + "/payments/" + paymentId + "/authorize", ""), 200).body());
    if (!authorized.path("status").asString().equals("AUTHORIZED")) {
      return Shopper.failed();
    }
    timings.add(new Timing("whole checkout", System.nanoTime() - started));
    boolean discounted = send(http, get(orders), 200).contains(promotion);
    if (discounted != withCode) {
      throw new IllegalStateException("order " + order + " was " + (discounted ? "" : "not ")
          + "discounted, though the shopper " + (withCode ? "kept" : "lost") + " the code");
    }
    return new Shopper(withCode ? Outcome.WITH_CODE : Outcome.WITHOUT_CODE, timings);
  }

  private static String contact(int shopper) {
    return ("{\"email\": \"drop-%d@example.com\", \"name\": \"Shopper %d\", \"shippingAddress\": "
        + "{\"line1\": \"Storgatan 1\", \"city\": \"Stockholm\", \"postalCode\": \"111 51\", \"country\": \"SE\"}}")
        .formatted(shopper, shopper);
  }

  private static HttpResponse<String> timed(List<Timing> timings, String step, HttpClient http, HttpRequest request,
      int... expected) throws IOException, InterruptedException {
    long started = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    timings.add(new Timing(step, System.nanoTime() - started));
    for (int status : expected) {
      if (response.statusCode() == status) {
        return response;
      }
    }
    throw new IllegalStateException(step + ": " + request.uri() + " answered " + response.statusCode() + ": "
        + response.body());
  }

  private static double percentile(List<Long> sortedNanos, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1;
    return sortedNanos.get(Math.max(0, index)) / 1e6;
  }

  private static String create(HttpClient http, String base, String definition)
      throws IOException, InterruptedException {
    return JSON.readTree(send(http, admin(base + "/api/admin/promotions").POST(body(definition)), 201))
        .path("id").asString();
  }

  private static String firstCart(Path carts) throws IOException {
    return Files.readAllLines(carts).get(1).split(",")[0];
  }

  private static String firstSku(Path carts) throws IOException {
    return Files.readAllLines(carts).get(1).split(",")[1];
  }

  private static HttpRequest.Builder admin(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", ADMIN)
        .header("Content-Type", "application/json");
  }

  private static HttpRequest post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").POST(body(json)).build();
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json);
  }

  private static HttpRequest.BodyPublisher none() {
    return HttpRequest.BodyPublishers.noBody();
  }

  private static String send(HttpClient http, HttpRequest.Builder request, int expected)
      throws IOException, InterruptedException {
    return send(http, request.build(), expected);
  }

  private static String send(HttpClient http, HttpRequest request, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  /** The report's section: the rounds, the cost of the promotions, the drop. */
  static String section(Results results) {
    StringBuilder md = new StringBuilder("\n## Promotions\n\n")
        .append("What ").append(PROMOTIONS).append(" active automatic promotions in the carts' market cost a cart ")
        .append("write: wrk's cart writes (as above) at the reference level in rounds, without the promotions and ")
        .append("with them in turn (all paused, then all resumed), on the same prepared carts of one office line, ")
        .append("after an unmeasured round with them that warms the path up. ")
        .append("Each promotion is on one of the eleven categories, the five rewards in turn, one in ten exclusive, ")
        .append("so a cart qualifies for some and is told why not for the others; the server starts without demo ")
        .append("promotions. The answer's size and counts are of one write's answer in that round.\n\n")
        .append("| round | promotions | writes per second | p50 ms | p99 ms | store µs per write | answer bytes ")
        .append("| applied | not applied |\n|---|---|---|---|---|---|---|---|---|\n");
    List<Round> rounds = results.rounds();
    for (int i = 0; i < rounds.size(); i++) {
      Round round = rounds.get(i);
      md.append(String.format(Locale.ROOT, "| %d | %d | %,.0f | %.2f | %.2f | %,.0f | %,d | %d | %d |%n", i + 1,
          round.promotions(), round.writes().perSecond(), round.writes().p50Millis(), round.writes().p99Millis(),
          round.storeMicrosPerWrite(), round.answerBytes(), round.applied(), round.notApplied()));
    }
    ratio(results).ifPresent(ratio -> md.append(String.format(Locale.ROOT,
        "%nWith the promotions the store wrote %.2fx as many carts a second as without them (mean of the rounds).%n",
        ratio)));
    Drop drop = results.drop();
    if (drop != null) {
      md.append("\n### A coupon drop\n\n").append(String.format(Locale.ROOT,
          "%,d shoppers at once, each on a connection of its own, check out with one code whose promotion "
              + "(20 %% off) has %,d uses: a new cart, a book line, the code, the order, its contact, a card "
              + "payment, its authorization. A shopper refused at the payment (409, the uses ran out) takes the "
              + "code out and pays without it; one who enters the code after the uses ran out is told so (409) "
              + "and goes on without it. Each order is read back to see whether it was discounted.%n%n"
              + "- paid with the code: **%,d** (the uses: %,d), paid without it: %,d, failed: %d%n"
              + "- all %,d checkouts took %.1f s: %,.1f orders per second%n%n",
          drop.shoppers(), drop.uses(), drop.paidWithCode(), drop.uses(), drop.paidWithout(), drop.failed(),
          drop.shoppers(), drop.seconds(), drop.shoppers() / drop.seconds()))
          .append("| step | requests | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
      for (Step step : drop.steps()) {
        md.append(String.format(Locale.ROOT, "| %s | %,d | %.0f | %.0f | %.0f |%n", step.name(), step.count(),
            step.p50Millis(), step.p99Millis(), step.maxMillis()));
      }
    }
    return md.toString();
  }

  /** Writes per second with the promotions over without them, each the mean of its rounds. */
  static Optional<Double> ratio(Results results) {
    double with = results.rounds().stream().filter(r -> r.promotions() > 0)
        .mapToDouble(r -> r.writes().perSecond()).average().orElse(Double.NaN);
    double without = results.rounds().stream().filter(r -> r.promotions() == 0)
        .mapToDouble(r -> r.writes().perSecond()).average().orElse(Double.NaN);
    return Double.isNaN(with) || Double.isNaN(without) || without == 0
        ? Optional.empty() : Optional.of(with / without);
  }
}
