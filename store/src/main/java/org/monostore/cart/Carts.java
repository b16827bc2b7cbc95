package org.monostore.cart;

import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.monostore.catalog.Catalog;
import org.monostore.pricing.VatRates;
import org.monostore.platform.Asks;
import org.monostore.platform.EntityIds;
import org.monostore.platform.Rejection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The carts of the cluster, by id: starts the Cart entities on this node and asks them. */
@Component
class Carts {

  private final ClusterSharding sharding;
  private final Asks asks;

  Carts(
      ClusterSharding sharding,
      Asks asks,
      Catalog catalog,
      VatRates vatRates,
      // The most of one product a cart line may hold.
      @Value("${monostore.cart.max-quantity-per-line:99}") int maxQuantityPerLine,
      // The most lines one cart may hold.
      @Value("${monostore.cart.max-lines:100}") int maxLines,
      // A cart writes a snapshot every this many events, so waking it replays at most that many.
      @Value("${monostore.cart.snapshot-every:100}") int snapshotEvery) {
    this.sharding = sharding;
    this.asks = asks;
    Cart.init(sharding, catalog::lookup, vatRates, new Cart.Limits(maxQuantityPerLine, maxLines), snapshotEvery);
  }

  CartView ask(String cartId, Function<ActorRef<Cart.Reply>, Cart.Command> command) {
    Cart.Reply reply = asks.ask(sharding.entityRefFor(Cart.ENTITY_KEY, EntityIds.require(cartId, "cartId")), command);
    return switch (reply) {
      case Cart.Current current -> current.cart();
      case Cart.Rejected rejected -> throw rejected.rejection().asException();
    };
  }
}
