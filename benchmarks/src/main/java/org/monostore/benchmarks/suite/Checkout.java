package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.monostore.benchmarks.simulations.StoreLoad;

/**
 * The checkout workload: customers who each go through whole orders, one after another, from a new cart
 * to the order's fulfilment, at each of the suite's levels. It runs after the suite's other load runs,
 * which it would otherwise disturb (every order leaves a cart, an order, a payment and a fulfilment
 * awake), and after a warm-up of its own, as the cart workloads leave its code cold.
 */
final class Checkout {

  static final String WORKLOAD = StoreLoad.CHECKOUT;

  /** How many customers check out during the warm-up. */
  private static final int WARMUP_CLIENTS = 32;

  /**
   * One run at one level: the whole orders (each counted once, its latency the whole flow's), all their
   * requests, each step's requests in the flow's order, and the machine's load averages when it ended.
   */
  record Run(LoadResult orders, LoadResult requests, List<LoadResult> steps, String load) {}

  private Checkout() {}

  /** The warm-up lasts a third of the suite's; none in the smoke test's seconds, where it would only add time. */
  private static int warmupSeconds(Suite.Settings settings) {
    return settings.warmupSeconds() / 3;
  }

  /** The warm-up, then each level; a run that fails is reported, and the others still run. */
  static List<Run> measure(Suite.Settings settings, BenchmarkServerProcess server, List<String> failures)
      throws InterruptedException {
    List<Run> runs = new ArrayList<>();
    if (warmupSeconds(settings) > 0) {
      measure("checkout: warming up", failures, () -> GatlingRun.checkout(settings, WORKLOAD + "-warm-up",
          server.baseUrl(), server.pid(), WARMUP_CLIENTS, warmupSeconds(settings)));
    }
    for (int clients : settings.levels()) {
      measure("checkout at " + clients + " clients", failures, () -> GatlingRun.checkout(settings,
          WORKLOAD + "-c" + clients, server.baseUrl(), server.pid(), clients, settings.seconds()))
          .ifPresent(runs::add);
    }
    return runs;
  }

  private interface Measurement {
    Run measure() throws IOException, InterruptedException;
  }

  private static Optional<Run> measure(String name, List<String> failures, Measurement measurement)
      throws InterruptedException {
    Suite.say(name);
    try {
      return Optional.of(measurement.measure());
    } catch (IOException | RuntimeException e) {
      Suite.failed(name, e, failures);
      return Optional.empty();
    }
  }

  /**
   * The checkout workload alone on a freshly started store, after the suite's own warm-up and the
   * workload's, for figures before and after a change to checkout: prints its section of the report
   * and writes it to {@code checkout.md} in the run's folder.
   */
  static List<Run> alone(Suite.Settings settings) throws IOException, InterruptedException {
    return Suite.alone(settings, "The checkout workload alone",
        (server, failures) -> measure(settings, server, failures), runs -> section(runs, settings));
  }

  /** The report's section: the orders at each level, then each step's latency at each level. */
  static String section(List<Run> runs, Suite.Settings settings) {
    StringBuilder md = new StringBuilder("\n## Checkout: whole orders\n\n")
        .append("Each client is one customer checking out order after order, each from nothing: a new cart ")
        .append("(`POST /api/carts`) with two lines (`POST .../items` twice), the order (`POST /api/orders`), its ")
        .append("contact (`PUT .../contact`), a card payment with `tok_approve` (`POST .../payments`), its ")
        .append("authorization (`POST .../payments/{id}/authorize`), the fulfilment (`POST .../fulfillment`) and ")
        .append("one read of the order (`GET /api/orders/{id}`): nine requests, each answer checked before the ")
        .append("next is sent. An order per second is one whole flow; an order's latency is the flow's, as its ")
        .append("customer waited for it. In the whole suite these runs come after all the others; ")
        .append("`./monostore benchmark --only=checkout` runs them alone on a fresh store, after the suite's warm-up. ")
        .append("Either way a warm-up of their own comes first: ")
        .append(warmupSeconds(settings) > 0 ? warmupSeconds(settings) + " s at " + WARMUP_CLIENTS + " clients" : "none in this run")
        .append(".\n\n")
        .append("| clients | orders per second | order p50 ms | order p99 ms | order max ms | requests per second ")
        .append("| p99 of all its requests ms | orders | failed orders | load averages at its end |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Run run : runs) {
      LoadResult orders = run.orders();
      md.append(String.format(Locale.ROOT, "| %d | %,.1f | %.0f | %.0f | %.0f | %,.0f | %.0f | %,d | %d | %s |%n",
          orders.clients(), orders.perSecond(), orders.p50Millis(), orders.p99Millis(), orders.maxMillis(),
          run.requests().perSecond(), run.requests().p99Millis(), orders.requests(), orders.failed(), run.load()));
    }
    Set<String> steps = new LinkedHashSet<>();
    runs.forEach(run -> run.steps().forEach(step -> steps.add(step.workload())));
    md.append("\nEach step's p99 and p50, ms (\"add line\" is both lines):\n\n| step |");
    runs.forEach(run -> md.append(" ").append(run.orders().clients()).append(" clients |"));
    md.append("\n|---|").append("---|".repeat(runs.size())).append("\n");
    for (String step : steps) {
      md.append("| ").append(step).append(" |");
      for (Run run : runs) {
        md.append(run.steps().stream().filter(s -> s.workload().equals(step)).findFirst()
            .map(s -> String.format(Locale.ROOT, " %.0f / %.0f |", s.p99Millis(), s.p50Millis())).orElse(" - |"));
      }
      md.append("\n");
    }
    return md.toString();
  }
}
