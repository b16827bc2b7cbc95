package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stock drops, on the suite's server: many more shoppers than units, all paying at once, for one
 * SKU and then for a hundred, through the store (adding a payment reserves the order's line) and
 * through the JDBC baseline's transaction per reservation (SELECT ... FOR UPDATE on the product's row).
 * Each shopper's order is made before the drop starts, so the drop measures the reservations alone.
 */
final class StockLoad {

  /** The name {@code --only=} takes. */
  static final String WORKLOAD = "stock";

  private static final String ADMIN = "Basic " + Base64.getEncoder().encodeToString(
      ("admin:" + PromotionLoad.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Products no other workload buys: one for the single-SKU drop, a hundred after it. */
  private static final IntFunction<String> SKU = i -> "GRDN-%06d".formatted(100 + i);
  private static final int MANY_SKUS = 100;
  /** The product whose entity is asked directly, apart from the drops over HTTP. */
  private static final int ENTITY_ALONE = 150;
  static final String ENTITY_ALONE_SYSTEM = "stock entity alone";

  /**
   * One drop: {@code reserved} shoppers got units, {@code refused} were told there were none left;
   * {@code soldOutSeconds} is when the last unit went, from the drop's start; latencies in ms.
   */
  record Run(String system, int skus, int shoppers, int inFlight, int units, int reserved, int refused, int failed,
      double seconds, double soldOutSeconds, double p50Millis, double p99Millis, double maxMillis) {

    double decisionsPerSecond() {
      return shoppers / seconds;
    }

    double grantedPerSecond() {
      return soldOutSeconds > 0 ? reserved / soldOutSeconds : 0;
    }
  }

  record Results(List<Run> runs) {}

  private StockLoad() {}

  /** The shoppers of a drop, how many pay at once, and the units: the smoke test's are few. */
  static int shoppers(Suite.Settings settings) {
    return settings.seconds() >= 10 ? 4_000 : 80;
  }

  static int inFlight(Suite.Settings settings) {
    return settings.seconds() >= 10 ? 256 : 8;
  }

  static Results measure(Suite.Settings settings, BenchmarkServerProcess server, List<String> failures)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = server.baseUrl();
    int shoppers = shoppers(settings);
    int units = shoppers / 4;
    List<Run> runs = new ArrayList<>();
    int first = 0;
    for (int skus : List.of(1, MANY_SKUS)) {
      List<String> products = new ArrayList<>();
      for (int i = 0; i < skus; i++) {
        products.add(SKU.apply(first + i));
      }
      first += skus;
      int perSku = Math.max(1, units / skus);
      try {
        Suite.say("stock: a drop of " + perSku * skus + " units of " + skus + " SKUs, " + shoppers + " shoppers");
        runs.add(store(http, base, products, perSku, shoppers, inFlight(settings), failures));
        runs.add(baseline(http, base, products, perSku, shoppers, inFlight(settings)));
        if (skus == 1) {
          runs.add(entityAlone(http, base, SKU.apply(ENTITY_ALONE), units, shoppers, inFlight(settings)));
        }
      } catch (IOException | RuntimeException e) {
        Suite.failed("stock: the drop of " + skus + " SKUs", e, failures);
      }
    }
    return new Results(runs);
  }

  /** The stock workloads alone on a freshly started store, after the suite's warm-up. */
  static Results alone(Suite.Settings settings) throws IOException, InterruptedException {
    return Suite.alone(settings, "The stock workloads alone", (server, failures) -> measure(settings, server, failures),
        StockLoad::section);
  }

  private static Run store(HttpClient http, String base, List<String> skus, int perSku, int shoppers, int inFlight,
      List<String> failures) throws IOException, InterruptedException {
    for (String sku : skus) {
      send(http, admin(base + "/api/admin/products/" + sku + "/stock/receipts")
          .POST(body("{\"quantity\": " + perSku + "}")).build(), 200);
    }
    List<String> orders = prepareOrders(http, base, skus, shoppers);
    Run run = drop("store", skus.size(), perSku * skus.size(), orders.size(), inFlight,
        i -> post(base + "/api/orders/" + orders.get(i) + "/payments", "{\"method\": \"card\", \"token\": \"tok_approve\"}"),
        http);
    long held = 0;
    for (String sku : skus) {
      held += JSON.readTree(send(http, admin(base + "/api/admin/products/" + sku + "/stock").GET().build(), 200))
          .path("reserved").asLong();
    }
    if (held != run.reserved() || run.reserved() != Math.min(shoppers, perSku * skus.size())) {
      failures.add("stock: the store reserved " + run.reserved() + " units for " + shoppers + " shoppers of "
          + perSku * skus.size() + ", and its stock holds " + held);
    }
    return run;
  }

  private static Run baseline(HttpClient http, String base, List<String> skus, int perSku, int shoppers, int inFlight)
      throws IOException, InterruptedException {
    for (String sku : skus) {
      send(http, post(base + "/bench/jdbc-stock/" + sku + "/receipts", "{\"quantity\": " + perSku + "}"), 200);
    }
    return drop("JDBC baseline", skus.size(), perSku * skus.size(), shoppers, inFlight,
        i -> post(base + "/bench/jdbc-stock/" + skus.get(i % skus.size()) + "/reservations",
            "{\"orderId\": \"" + UUID.randomUUID() + "\", \"quantity\": 1}"),
        http);
  }

  /** The same drop asked of one stock entity directly, inside the server: no HTTP, cart or payment. */
  private static Run entityAlone(HttpClient http, String base, String sku, int units, int shoppers, int inFlight)
      throws IOException, InterruptedException {
    JsonNode answer = JSON.readTree(send(http, HttpRequest.newBuilder(URI.create(base + "/bench/stock-entity?sku="
        + sku + "&units=" + units + "&orders=" + shoppers + "&inFlight=" + inFlight)).POST(body("")).build(), 200));
    int reserved = answer.path("reserved").asInt();
    return new Run(ENTITY_ALONE_SYSTEM, 1, shoppers, inFlight, units, reserved, shoppers - reserved, 0,
        answer.path("seconds").asDouble(), answer.path("soldOutSeconds").asDouble(), answer.path("p50Millis").asDouble(),
        answer.path("p99Millis").asDouble(), answer.path("maxMillis").asDouble());
  }

  /** A payable order (a cart of one unit, its order and contact) for each shopper, the SKUs in turn. */
  private static List<String> prepareOrders(HttpClient http, String base, List<String> skus, int shoppers)
      throws InterruptedException {
    List<Future<String>> made = new ArrayList<>();
    Semaphore preparing = new Semaphore(16);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < shoppers; i++) {
        String sku = skus.get(i % skus.size());
        made.add(threads.submit(() -> {
          preparing.acquire();
          try {
            String cart = JSON.readTree(send(http, post(base + "/api/carts", "{}"), 201)).path("id").asString();
            send(http, post(base + "/api/carts/" + cart + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}"), 200);
            String order = JSON.readTree(send(http, post(base + "/api/orders", "{\"cartId\": \"" + cart + "\"}"), 201))
                .path("id").asString();
            send(http, HttpRequest.newBuilder(URI.create(base + "/api/orders/" + order + "/contact"))
                .header("Content-Type", "application/json").PUT(body("{\"email\": \"drop@example.com\", \"name\": "
                    + "\"A shopper\", \"shippingAddress\": {\"line1\": \"Storgatan 1\", \"city\": \"Stockholm\", "
                    + "\"postalCode\": \"111 51\", \"country\": \"SE\"}}")).build(), 200);
            return order;
          } finally {
            preparing.release();
          }
        }));
      }
    }
    List<String> orders = new ArrayList<>();
    for (Future<String> order : made) {
      try {
        orders.add(order.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("preparing the drop's orders: " + e.getCause().getMessage(), e.getCause());
      }
    }
    return orders;
  }

  /** Every shopper's reservation, {@code inFlight} at a time; a 201 reserved, a 409 refused, anything else failed. */
  private static Run drop(String system, int skus, int units, int shoppers, int inFlight,
      IntFunction<HttpRequest> reservation, HttpClient http) throws InterruptedException {
    Semaphore slots = new Semaphore(inFlight);
    long[] latencies = new long[shoppers];
    int[] statuses = new int[shoppers];
    long[] answeredAt = new long[shoppers];
    long started = System.nanoTime();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < shoppers; i++) {
        int shopper = i;
        slots.acquire();
        threads.submit(() -> {
          try {
            long sent = System.nanoTime();
            statuses[shopper] = http.send(reservation.apply(shopper), HttpResponse.BodyHandlers.discarding())
                .statusCode();
            answeredAt[shopper] = System.nanoTime();
            latencies[shopper] = answeredAt[shopper] - sent;
          } catch (IOException | InterruptedException e) {
            statuses[shopper] = -1;
          } finally {
            slots.release();
          }
        });
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    int reserved = 0;
    int refused = 0;
    long soldOut = started;
    for (int i = 0; i < shoppers; i++) {
      if (statuses[i] == 201) {
        reserved++;
        soldOut = Math.max(soldOut, answeredAt[i]);
      } else if (statuses[i] == 409) {
        refused++;
      }
    }
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    return new Run(system, skus, shoppers, inFlight, units, reserved, refused, shoppers - reserved - refused, seconds,
        (soldOut - started) / 1e9, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
  }

  private static double percentile(long[] sortedNanos, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, index)] / 1e6;
  }

  /** The report's section: each drop through the store and the baseline, and what bounds one hot SKU. */
  static String section(Results results) {
    StringBuilder md = new StringBuilder("\n## Stock: drops\n\n")
        .append("Many more shoppers than units pay at once: each has a payable order of one unit made before the ")
        .append("drop, and adds its card payment, which reserves the unit (201) or is refused with the SKU and what ")
        .append("is available (409); ").append(results.runs().isEmpty() ? "" : String.format(Locale.ROOT, "%,d",
            results.runs().getFirst().shoppers()))
        .append(" shoppers, a quarter as many units, ").append(results.runs().isEmpty() ? 0
            : results.runs().getFirst().inFlight()).append(" payments in flight at a time. First one SKU, then a hundred ")
        .append("(the units and the shoppers spread evenly). The JDBC baseline takes the same reservations, one ")
        .append("transaction each: SELECT ... FOR UPDATE on the product's stock row, an INSERT of the reservation, ")
        .append("an UPDATE of the count, COMMIT. The store's payment does more than reserve (it locks the cart, ")
        .append("creates the payment and records it on the order), so its figures are of the whole step; the ")
        .append("stock entity alone is the one-SKU drop asked of one Stock entity directly inside the server (no ")
        .append("HTTP, no cart, no payment), which is what one hot SKU's entity can do by itself.\n\n")
        .append("| SKUs | system | shoppers | units | reserved | refused | failed | decisions per second | sold out ")
        .append("after s | reservations per second until then | p50 ms | p99 ms | max ms |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Run run : results.runs()) {
      md.append(String.format(Locale.ROOT, "| %d | %s | %,d | %,d | %,d | %,d | %d | %,.0f | %.2f | %,.0f | %.1f | %.1f | %.1f |%n",
          run.skus(), run.system(), run.shoppers(), run.units(), run.reserved(), run.refused(), run.failed(),
          run.decisionsPerSecond(), run.soldOutSeconds(), run.grantedPerSecond(), run.p50Millis(), run.p99Millis(),
          run.maxMillis()));
    }
    md.append("\nWhat bounds one hot SKU: its entity decides one reservation at a time, and a granted one waits for ")
        .append("its event's write to the journal before the next is decided (the entity holds the others back ")
        .append("meanwhile), so one SKU grants at most one reservation per journal write; a refusal writes nothing ")
        .append("and is decided in memory. A hundred SKUs are a hundred entities writing side by side, bounded by ")
        .append("the database and the cores instead. The baseline's row lock serialises one SKU the same way, for ")
        .append("a whole transaction's round trips and commit, and takes it for every refusal too.\n");
    return md.toString();
  }

  private static HttpRequest.Builder admin(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", ADMIN)
        .header("Content-Type", "application/json");
  }

  private static HttpRequest post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").POST(body(json)).build();
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json);
  }

  private static String send(HttpClient http, HttpRequest request, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
