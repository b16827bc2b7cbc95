package org.monostore.stock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.monostore.catalog.Availability;
import org.monostore.catalog.Catalog;
import org.monostore.catalog.Sku;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.fulfillment.ShippedGoods;
import org.monostore.platform.Asks;
import org.monostore.platform.EntityType;
import org.monostore.platform.Rejection;
import org.springframework.stereotype.Component;

/**
 * The stock of the cluster, by SKU: starts the Stock entities on this node (at start-up), reserves an
 * order's lines all or none, and answers how many of a product are available. What is available is
 * read from this node's view of the stock entities awake here, and asked of the entity otherwise.
 */
@Component
public class Stocks implements EntityType, Availability, ShippedGoods {

  private final ClusterSharding sharding;
  private final Asks asks;
  private final Catalog catalog;
  private final ActorSystem<?> system;
  private final StockSettings settings;
  /** The stock whose entities are awake on this node, as they hold it; written only by them. */
  private final Map<String, StockState> awake = new ConcurrentHashMap<>();
  /** What the stock entities that are not awake here last answered, by SKU: of products that exist only. */
  private final Map<String, Heard> remote = new ConcurrentHashMap<>();

  private final OrderPayments orders;

  Stocks(ClusterSharding sharding, Asks asks, Catalog catalog, ActorSystem<?> system, StockSettings settings,
      OrderPayments orders) {
    this.orders = orders;
    this.sharding = sharding;
    this.asks = asks;
    this.catalog = catalog;
    this.system = system;
    this.settings = settings;
  }

  @Override
  public void start() {
    Stock.init(sharding, awake, orders);
  }

  /** Units of one product for an order. */
  public record Line(String sku, long quantity) {}

  /** When a reservation made now, as a payment is added, runs out. */
  public Instant holdUntil() {
    return Instant.now().plus(settings.reservationHold());
  }

  /**
   * Reserves every line for the order, until {@code until} (null: until the parcel ships), in place of
   * what it held before. All or none: on any refusal, or any stock that does not answer in time, the
   * order's units of every line are released again, and the answer is the refusal, a shortage first.
   */
  public CompletionStage<Optional<Rejection>> reserve(String orderId, List<Line> lines, Instant until) {
    Map<String, Long> bySku = new LinkedHashMap<>();
    lines.forEach(line -> bySku.merge(line.sku(), line.quantity(), Long::sum));
    List<CompletableFuture<Rejection>> replies = new ArrayList<>();
    bySku.forEach((sku, quantity) -> replies.add(
        asks.<Stock.Command, Stock.Reply>askLater(stock(sku),
                replyTo -> new Stock.Reserve(orderId, quantity, until, replyTo))
            .toCompletableFuture()
            .handle((answer, silent) -> answer instanceof Stock.Rejected(Rejection rejection) ? rejection
                : silent != null ? Rejection.unanswered("The stock of product " + sku + " did not answer in time")
                : null)));
    return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).thenApply(all -> {
      List<Rejection> refusals = replies.stream().map(CompletableFuture::join).filter(r -> r != null).toList();
      if (refusals.isEmpty()) {
        return Optional.empty();
      }
      release(orderId, bySku.keySet(), Stock.Why.CHECKOUT_REFUSED);
      return refusals.stream().filter(refusal -> refusal.shortage() != null).findFirst()
          .or(() -> Optional.of(refusals.getFirst()));
    });
  }

  /**
   * The order's payment went through (or is pending at the gateway): its units are held until the
   * parcel ships. Not waited for: if this is lost, the stock asks the order when the reservation runs out.
   */
  public void hold(String orderId, List<Line> lines) {
    for (Line line : lines) {
      stock(line.sku()).tell(new Stock.Reserve(orderId, line.quantity(), null, system.ignoreRef()));
    }
  }

  /**
   * The order lets its units of these products go. Not waited for: a release that is lost leaves the
   * units reserved until their time runs out and the stock asks the order.
   */
  public void release(String orderId, Collection<String> skus, Stock.Why why) {
    for (String sku : skus) {
      stock(sku).tell(new Stock.Release(orderId, why, system.ignoreRef()));
    }
  }

  @Override
  public void shipped(String orderId, List<Fulfillment.Item> items) {
    for (Fulfillment.Item item : items) {
      stock(item.sku()).tell(new Stock.Commit(orderId, system.ignoreRef()));
    }
  }

  /**
   * Exact when the SKU's entity is awake on this node; otherwise as its entity answered at most {@link
   * #REMOTE_FRESHNESS} ago, so that a product read or a cart write on another node of a cluster costs no
   * ask each time.
   */
  @Override
  public CompletionStage<OptionalLong> of(String sku) {
    StockState known = awake.get(sku);
    if (known != null) {
      return CompletableFuture.completedFuture(available(known));
    }
    Heard heard = remote.get(sku);
    long now = System.nanoTime();
    if (heard != null && now - heard.atNanos() < REMOTE_FRESHNESS.toNanos()) {
      return CompletableFuture.completedFuture(heard.available());
    }
    return asks.<Stock.Command, Stock.Reply>askLater(stock(sku), Stock.Get::new).thenApply(reply -> switch (reply) {
      case Stock.Current(StockView stock) -> {
        OptionalLong available = stock.tracked() ? OptionalLong.of(stock.available()) : OptionalLong.empty();
        remote.put(sku, new Heard(available, now));
        yield available;
      }
      case Stock.Rejected(Rejection rejection) -> throw rejection.asException();
    });
  }

  /** How long what a stock entity on another node answered is taken as its word. */
  static final Duration REMOTE_FRESHNESS = Duration.ofSeconds(1);

  /** What a stock entity answered, and when (System.nanoTime). */
  private record Heard(OptionalLong available, long atNanos) {}

  private static OptionalLong available(StockState state) {
    return state.tracked() ? OptionalLong.of(state.available()) : OptionalLong.empty();
  }

  /** The product's stock as its entity holds it, for admins: a 404 for a SKU the catalog does not have. */
  StockView ask(String sku, Function<ActorRef<Stock.Reply>, Stock.Command> command) {
    if (!Sku.isValid(sku)) {
      throw Rejection.invalid("sku", "'sku' must be 1-32 upper-case letters, digits or dashes").asException();
    }
    if (!catalog.unknown(List.of(sku), List.of()).isEmpty()) {
      throw Rejection.notFound("There is no product with SKU " + sku).asException();
    }
    return switch (asks.<Stock.Command, Stock.Reply>ask(stock(sku), command)) {
      case Stock.Current(StockView stock) -> stock;
      case Stock.Rejected(Rejection rejection) -> throw rejection.asException();
    };
  }

  private EntityRef<Stock.Command> stock(String sku) {
    return sharding.entityRefFor(Stock.ENTITY_KEY, sku);
  }
}
