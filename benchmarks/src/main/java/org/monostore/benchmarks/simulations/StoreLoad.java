package org.monostore.benchmarks.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * The store's traffic, one workload per run, chosen by system properties:
 * <ul>
 *   <li>{@code workload}: ping, product-lookup, cart-read, cart-write, shop-mix, line-update (open model
 *       only), jdbc-cart-read / jdbc-cart-write: the same cart traffic against the JDBC baseline, and
 *       checkout: whole orders, from a new cart to the order's fulfilment;
 *   <li>{@code users}: a closed model of this many shoppers, each on its own keep-alive connection,
 *       repeating the workload for {@code seconds}; or {@code rate}: an open model of this many
 *       requests per second, from shoppers who arrive at a fixed rate whatever the latency;
 *   <li>{@code baseUrl}, and for cart workloads {@code cartsFeed}: a CSV (cartId,lineSku) of carts the
 *       suite prepared, each with one line; a closed-model shopper takes a cart of its own.
 * </ul>
 * Every request a run makes is measured: carts are prepared before it, not during it, except in
 * checkout, whose every order needs a cart of its own, so making it is the flow's first step.
 */
public class StoreLoad extends Simulation {

  /**
   * Demo catalog SKUs edited by shoppers: every category has more than 200 products. Office products
   * are left out: the suite prepares carts with those, and an edit must never remove a prepared line.
   */
  private static final List<String> PREFIXES =
      List.of("ELEC", "BOOK", "KITC", "CLTH", "TOYS", "SPRT", "GRDN", "BEAU", "GROC", "HOME");
  private static final List<String> CATEGORIES =
      List.of("Electronics", "Books", "Kitchen", "Clothing", "Toys", "Sports", "Garden", "Beauty", "Grocery", "Home", "Office");

  /** The group of a whole checkout: its count is the orders, its duration the order's (see GatlingRun). */
  public static final String CHECKOUT = "checkout";

  private static final String CONTACT = """
      {"email": "anna@example.com", "name": "Anna Svensson", "phone": "+46 70 123 45 67",
       "shippingAddress": {"line1": "Storgatan 1", "city": "Stockholm", "postalCode": "111 51", "country": "SE"}}""";

  /** How many requests an arriving shopper makes in the open model. */
  public static final int VISIT = 10;

  private final String workload = System.getProperty("workload", "shop-mix");
  private final int users = Integer.getInteger("users", 0);
  private final int rate = Integer.getInteger("rate", 0);
  private final Duration duration = Duration.ofSeconds(Integer.getInteger("seconds", 20));
  private final String carts = workload.startsWith("jdbc-") ? "/bench/jdbc-carts" : "/api/carts";

  private final FeederBuilder<Object> skus = listFeeder(
      PREFIXES.stream()
          .flatMap(prefix -> IntStream.rangeClosed(1, 200).mapToObj(n -> Map.<String, Object>of(
              "sku", "%s-%06d".formatted(prefix, n))))
          .toList()).random();

  {
    HttpProtocolBuilder protocol = http
        .baseUrl(System.getProperty("baseUrl", "http://localhost:8080"))
        .acceptHeader("application/json")
        .contentTypeHeader("application/json");
    setUp(population()).protocols(protocol);
  }

  private PopulationBuilder population() {
    if (rate > 0) {
      // Shoppers arrive at rate / VISIT per second, whatever the latency; each makes VISIT
      // requests on its own keep-alive connection, a short pause apart, and leaves.
      return scenario(workload)
          .exec(visitorCart())
          .repeat(VISIT).on(exec(oneRequest()).pause(Duration.ofMillis(50)))
          .injectOpen(constantUsersPerSec(rate / (double) VISIT).during(duration));
    }
    // An order under way when the time is up is finished, so that every order counted is a whole one.
    ScenarioBuilder shoppers = scenario(workload)
        .exec(ownCart())
        .during(duration, !workload.equals(CHECKOUT)).on(workloadChain());
    return shoppers.injectOpen(atOnceUsers(users));
  }

  private ChainBuilder visitorCart() {
    return workload.equals("line-update") ? feed(csv(System.getProperty("cartsFeed")).random()) : exec(session -> session);
  }

  private ChainBuilder ownCart() {
    return workload.equals("ping") || workload.equals("product-lookup") || workload.equals(CHECKOUT)
        ? exec(session -> session)
        : feed(csv(System.getProperty("cartsFeed")).queue()).exec(session -> session.set("up", true));
  }

  private ChainBuilder workloadChain() {
    return switch (workload) {
      case "ping" -> exec(http("ping").get("/bench/ping").check(status().is(200)));
      case "product-lookup" -> productLookup();
      case "cart-read", "jdbc-cart-read" -> cartRead();
      case "cart-write", "jdbc-cart-write" -> cartEdits();
      case CHECKOUT -> checkout();
      case "shop-mix" -> randomSwitch().on(
          percent(60).then(productLookup()),
          percent(10).then(exec(http("product listing")
              .get(session -> "/api/products?size=20&category=" + CATEGORIES.get(ThreadLocalRandom.current().nextInt(CATEGORIES.size())))
              .check(status().is(200)))),
          percent(15).then(cartRead()),
          percent(15).then(exec(session -> session.set("up", !session.getBoolean("up")))
              .doIfOrElse(session -> session.getBoolean("up"))
              .then(exec(http("cart increase").post(carts + "/#{cartId}/items/#{lineSku}/increase").check(status().is(200))))
              .orElse(exec(http("cart decrease").post(carts + "/#{cartId}/items/#{lineSku}/decrease").check(status().is(200))))));
      default -> throw new IllegalArgumentException("unknown workload " + workload);
    };
  }

  /** One shopper's edits of one line, which leave the cart as it was: four durable writes. */
  private ChainBuilder cartEdits() {
    return feed(skus)
        .exec(addItem("cart add"))
        .exec(http("cart increase").post(carts + "/#{cartId}/items/#{sku}/increase").check(status().is(200)))
        .exec(http("cart decrease").post(carts + "/#{cartId}/items/#{sku}/decrease").check(status().is(200)))
        .exec(http("cart remove").delete(carts + "/#{cartId}/items/#{sku}").check(status().is(200)));
  }

  /**
   * One whole order, each step checked before the next is sent: a step that fails ends this order
   * (counted as a failed one) and the customer starts the next.
   */
  private ChainBuilder checkout() {
    return group(CHECKOUT).on(exitBlockOnFail().on(
        exec(http("create cart").post("/api/carts").body(StringBody("{}"))
            .check(status().is(201), jsonPath("$.id").saveAs("cartId")))
            .feed(skus).exec(addItem("add line"))
            .feed(skus).exec(addItem("add line"))
            .exec(http("create order").post("/api/orders").body(StringBody("{\"cartId\": \"#{cartId}\"}"))
                .check(status().is(201), jsonPath("$.id").saveAs("orderId")))
            .exec(http("give contact").put("/api/orders/#{orderId}/contact").body(StringBody(CONTACT))
                .check(status().is(200)))
            .exec(http("add payment").post("/api/orders/#{orderId}/payments")
                .body(StringBody("{\"method\": \"card\", \"token\": \"tok_approve\"}"))
                .check(status().is(201), jsonPath("$.id").saveAs("paymentId")))
            .exec(http("authorize").post("/api/orders/#{orderId}/payments/#{paymentId}/authorize")
                .check(status().is(200), jsonPath("$.status").is("AUTHORIZED")))
            .exec(http("create fulfilment").post("/api/orders/#{orderId}/fulfillment").check(status().is(201)))
            .exec(http("read order").get("/api/orders/#{orderId}")
                .check(status().is(200), jsonPath("$.status").is("FULFILLMENT_CREATED")))));
  }

  private ChainBuilder oneRequest() {
    return switch (workload) {
      case "product-lookup" -> productLookup();
      case "ping" -> exec(http("ping").get("/bench/ping").check(status().is(200)));
      case "line-update" -> exec(http("cart set quantity").put("/api/carts/#{cartId}/items/#{lineSku}")
              .body(StringBody(session -> "{\"quantity\": " + ThreadLocalRandom.current().nextInt(1, 99) + "}"))
              .check(status().is(200)));
      default -> throw new IllegalArgumentException("workload " + workload + " has no open model");
    };
  }

  private ChainBuilder productLookup() {
    return feed(skus).exec(http("product lookup").get("/api/products/#{sku}").check(status().is(200)));
  }

  private ChainBuilder cartRead() {
    return exec(http("cart read").get(carts + "/#{cartId}").check(status().is(200)));
  }

  private HttpRequestActionBuilder addItem(String name) {
    return http(name).post(carts + "/#{cartId}/items")
        .body(StringBody("{\"sku\": \"#{sku}\", \"quantity\": 1}"))
        .check(status().is(200));
  }

}
