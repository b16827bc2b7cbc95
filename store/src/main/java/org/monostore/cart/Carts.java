package org.monostore.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.monostore.catalog.Availability;
import org.monostore.catalog.Catalog;
import org.monostore.pricing.ShippingFees;
import org.monostore.pricing.VatRates;
import org.monostore.platform.Asks;
import org.monostore.platform.EntityIds;
import org.monostore.platform.EntityType;
import org.monostore.platform.Rejection;
import org.monostore.promotion.LivePromotions;
import org.springframework.stereotype.Component;

/** The carts of the cluster, by id: starts the Cart entities on this node (at start-up) and asks them. */
@Component
public class Carts implements EntityType {

  private final ClusterSharding sharding;
  private final Asks asks;
  private final Catalog catalog;
  private final CartPricing pricing;
  private final CartSettings settings;
  private final Availability availability;

  Carts(
      ClusterSharding sharding,
      Asks asks,
      Catalog catalog,
      Availability availability,
      VatRates vatRates,
      ShippingFees shipping,
      LivePromotions promotions,
      CartSettings settings) {
    this.sharding = sharding;
    this.asks = asks;
    this.catalog = catalog;
    this.availability = availability;
    this.pricing = new CartPricing(vatRates, shipping, promotions);
    this.settings = settings;
  }

  @Override
  public void start() {
    Cart.init(sharding, catalog::lookup, pricing,
        new Cart.Limits(settings.maxQuantityPerLine(), settings.maxLines()),
        new RequestKeys(settings.idempotencyKeys(), settings.idempotencyWindow()), settings.snapshotEvery());
  }

  /** The cart after a change, and whether the change was made before: then the key's repeat is answered. */
  record Answer(CartView cart, boolean replayed) {}

  /** An order to create from a cart: the new one, or the one the same key created before. */
  public record OrderToCreate(String orderId, boolean replayed) {}

  CartView ask(String cartId, Function<ActorRef<Cart.Reply>, Cart.Command> command) {
    return withStockWarnings(cart(asks.ask(cart(cartId), command)));
  }

  /** A change; with the client's key (or null), made once however often it is sent. */
  Answer ask(String cartId, String key, Function<ActorRef<Cart.Reply>, Cart.Command> change) {
    if (key == null) {
      return new Answer(ask(cartId, change), false);
    }
    Object reply = asks.<Cart.Command, Object>ask(cart(cartId),
        replyTo -> new Cart.Keyed(key, change.apply(replyTo.narrow()), replyTo.narrow()));
    return reply instanceof Cart.Replayed replayed
        ? new Answer(withStockWarnings(replayed.cart()), true)
        : new Answer(withStockWarnings(cart((Cart.Reply) reply)), false);
  }

  /**
   * The open cart with a warning for each line that asks for more than the stock has available now,
   * asked of the stock as the answer leaves (never by the cart's actor); a stock that does not answer
   * in time gives no warning, as the payment checks again anyway.
   */
  private CartView withStockWarnings(CartView cart) {
    if (cart.status() != Cart.Status.OPEN || cart.lines().isEmpty()) {
      return cart;
    }
    List<CompletableFuture<OptionalLong>> levels = cart.lines().stream()
        .map(line -> availability.of(line.sku()).toCompletableFuture().exceptionally(silent -> OptionalLong.empty()))
        .toList();
    List<CartView.StockWarning> warnings = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      CartView.CartLine line = cart.lines().get(i);
      OptionalLong available = levels.get(i).join();
      if (available.isPresent() && line.quantity() > available.getAsLong()) {
        long units = available.getAsLong();
        warnings.add(new CartView.StockWarning(line.sku(), line.quantity(), units,
            Availability.shortage(line.sku(), units, "the cart", line.quantity())));
      }
    }
    return warnings.isEmpty() ? cart : cart.withStockWarnings(warnings);
  }

  /**
   * The order that the client's key creates from the cart: {@code newOrderId} the first time, the same
   * order for every repeat of the key.
   */
  public OrderToCreate orderFor(String cartId, String key, String newOrderId) {
    Object reply = asks.<Cart.Command, Object>ask(cart(cartId),
        replyTo -> new Cart.OpenOrder(key, newOrderId, replyTo.narrow(), replyTo.narrow()));
    return switch (reply) {
      case Cart.Replayed replayed -> new OrderToCreate(replayed.orderId(), true);
      case Cart.Rejected rejected when rejected.rejection().reason() == Rejection.Reason.NOT_FOUND ->
          throw Rejection.invalid("cartId", "There is no cart " + cartId).asException();
      case Cart.Reply answer -> {
        cart(answer);
        yield new OrderToCreate(newOrderId, false);
      }
      default -> throw new IllegalStateException("A cart answered " + reply.getClass().getSimpleName());
    };
  }

  private EntityRef<Cart.Command> cart(String cartId) {
    return sharding.entityRefFor(Cart.ENTITY_KEY, EntityIds.require(cartId, "cartId"));
  }

  private static CartView cart(Cart.Reply reply) {
    return switch (reply) {
      case Cart.Current current -> current.cart();
      case Cart.Rejected rejected -> throw rejected.rejection().asException();
    };
  }
}
