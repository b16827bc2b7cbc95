package org.monostore.cart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.persistence.typed.javadsl.EffectFactories;
import org.apache.pekko.persistence.typed.javadsl.ReplyEffect;
import org.monostore.cart.Cart.ByAdmin;
import org.monostore.cart.Cart.CartCleared;
import org.monostore.cart.Cart.CartEditedByAdmin;
import org.monostore.cart.Cart.Clear;
import org.monostore.cart.Cart.Command;
import org.monostore.cart.Cart.Current;
import org.monostore.cart.Cart.Event;
import org.monostore.cart.Cart.ItemRemoved;
import org.monostore.cart.Cart.Keyed;
import org.monostore.cart.Cart.KeyedRequest;
import org.monostore.cart.Cart.Limits;
import org.monostore.cart.Cart.LineChange;
import org.monostore.cart.Cart.OpenOrder;
import org.monostore.cart.Cart.PriceQuoted;
import org.monostore.cart.Cart.Rejected;
import org.monostore.cart.Cart.RemoveItem;
import org.monostore.cart.Cart.Replayed;
import org.monostore.cart.Cart.Reply;
import org.monostore.cart.Cart.RequestKeyRecorded;
import org.monostore.cart.Cart.Status;
import org.monostore.catalog.Product;
import org.monostore.platform.Rejection;
import org.monostore.shared.Money;

/**
 * How a cart's lines change, once {@link Cart} has dispatched the change by the cart's status: a line
 * change asks the product's price and is decided when the price comes back; an admin's change and a
 * change sent with an Idempotency-Key are persisted with their record in the same write; a key used
 * before answers its first change again.
 */
final class CartChanges {

  private final String cartId;
  private final ActorContext<Command> context;
  private final Function<String, CompletionStage<Product.Reply>> prices;
  private final CartPricing pricer;
  private final Limits limits;
  private final RequestKeys requestKeys;
  private final EffectFactories<Event, CartState> effects;

  CartChanges(
      String cartId, ActorContext<Command> context, Function<String, CompletionStage<Product.Reply>> prices,
      CartPricing pricer, Limits limits, RequestKeys requestKeys, EffectFactories<Event, CartState> effects) {
    this.cartId = cartId;
    this.context = context;
    this.prices = prices;
    this.pricer = pricer;
    this.limits = limits;
    this.requestKeys = requestKeys;
    this.effects = effects;
  }

  ReplyEffect<Event, CartState> removeItem(CartState state, RemoveItem remove, ByAdmin editor, Keyed keyed) {
    if (state.line(remove.sku()).isEmpty()) {
      return reject(remove.replyTo(), Rejection.notFound("The cart has no line for " + remove.sku()));
    }
    return persist(state, new ItemRemoved(remove.sku(), Instant.now()), editor, keyed, remove.replyTo());
  }

  ReplyEffect<Event, CartState> clear(CartState state, Clear clear, ByAdmin editor, Keyed keyed) {
    if (state.lines().isEmpty()) {
      return effects.reply(clear.replyTo(), current(state));
    }
    return persist(state, new CartCleared(Instant.now()), editor, keyed, clear.replyTo());
  }

  /**
   * Persists a change to the lines; in the same write, before it, the client's key if it sent one and the
   * admin's name for an admin's change.
   */
  private ReplyEffect<Event, CartState> persist(
      CartState state, Event change, ByAdmin editor, Keyed keyed, ActorRef<Reply> replyTo) {
    if (editor == null && keyed == null) {
      return effects.persist(change).thenReply(replyTo, this::current);
    }
    List<Event> events = new ArrayList<>(3);
    if (keyed != null) {
      events.add(new RequestKeyRecorded(keyed.key(), RequestKeys.requestOf(keyed.change()), null, change.at()));
    }
    if (editor != null) {
      events.add(new CartEditedByAdmin(editor.admin(), state.status() == Status.LOCKED, change.at()));
    }
    events.add(change);
    return effects.persist(events).thenReply(replyTo, this::current);
  }

  ReplyEffect<Event, CartState> askPrice(CartState state, LineChange change, ByAdmin editor, Keyed keyed) {
    Rejection refusal = state.refuse(change, limits);
    if (refusal != null) {
      return reject(change.replyTo(), refusal);
    }
    if (state.quantityAfter(change) == 0) {
      return persist(state, new ItemRemoved(change.sku(), Instant.now()), editor, keyed, change.replyTo());
    }
    context.pipeToSelf(prices.apply(change.sku()), (quote, failure) -> new PriceQuoted(
        change, editor, keyed, failure == null ? quote : new Product.Unavailable(failure.getMessage())));
    return effects.noReply();
  }

  /**
   * The cart may have changed while the price was on its way: the rules are checked again, and so is the
   * key, which a repeat sent meanwhile may have recorded first.
   */
  ReplyEffect<Event, CartState> changeLine(CartState state, PriceQuoted quoted) {
    LineChange change = quoted.change();
    ReplyEffect<Event, CartState> repeat = quoted.keyed() == null ? null : repeated(state, quoted.keyed());
    if (repeat != null) {
      return repeat;
    }
    Rejection refusal = state.refuse(change, limits);
    if (refusal != null) {
      return reject(change.replyTo(), refusal);
    }
    return switch (quoted.quote()) {
      case Product.Found found -> {
        Money price = state.priceOf(found.product());
        yield price == null
            ? reject(change.replyTo(), Rejection.invalid("sku",
                "Product " + change.sku() + " is not sold in market " + state.market() + " in " + state.currency()))
            : persist(state, state.changed(change, found.product(), price.amount(), Instant.now()), quoted.editor(),
                quoted.keyed(), change.replyTo());
      }
      case Product.NotFound notFound -> reject(change.replyTo(),
          Rejection.invalid("sku", "There is no product with SKU " + change.sku()));
      case Product.Unavailable unavailable -> reject(change.replyTo(),
          Rejection.unavailable("The product's price could not be looked up"));
    };
  }

  /** The answer to a key the cart remembers: its change again, or another request under it; null for a new key. */
  ReplyEffect<Event, CartState> repeated(CartState state, Keyed keyed) {
    KeyedRequest earlier = requestKeys.find(state, keyed.key(), Instant.now());
    if (earlier == null) {
      return null;
    }
    if (!earlier.request().equals(RequestKeys.requestOf(keyed.change()))) {
      return reject(Cart.replyTo(keyed.change()), RequestKeys.reused(earlier));
    }
    return effects.reply(keyed.replayTo(), new Replayed(state.view(cartId, pricer), null));
  }

  /** The cart exists: the key is recorded for the order, or the order it created before is answered. */
  ReplyEffect<Event, CartState> openOrder(CartState state, OpenOrder open) {
    KeyedRequest earlier = requestKeys.find(state, open.key(), Instant.now());
    if (earlier == null) {
      return effects
          .persist(new RequestKeyRecorded(open.key(), RequestKeys.ORDER, open.orderId(), Instant.now()))
          .thenReply(open.replyTo(), this::current);
    }
    if (earlier.orderId() == null) {
      return reject(open.replyTo(), RequestKeys.reused(earlier));
    }
    return effects.reply(open.replayTo(), new Replayed(state.view(cartId, pricer), earlier.orderId()));
  }

  private Reply current(CartState state) {
    return new Current(state.view(cartId, pricer));
  }

  private ReplyEffect<Event, CartState> reject(ActorRef<Reply> replyTo, Rejection rejection) {
    return effects.reply(replyTo, new Rejected(rejection));
  }
}
