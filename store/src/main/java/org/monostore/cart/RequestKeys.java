package org.monostore.cart;

import java.time.Duration;
import java.time.Instant;
import org.monostore.cart.Cart.ByAdmin;
import org.monostore.cart.Cart.Command;
import org.monostore.cart.Cart.KeyedRequest;
import org.monostore.platform.Rejection;

/**
 * How a cart remembers its clients' Idempotency-Keys: the last {@code max} keys, each for {@code window}
 * after it was recorded. A key names one request: its kind, SKU and quantity (not the body's bytes).
 */
record RequestKeys(int max, Duration window) {

  /** The request of a key that created an order from the cart. */
  static final String ORDER = "create an order";

  /** What the change is, in short: the same request again is the same text. */
  static String requestOf(Command change) {
    return switch (change) {
      case Cart.AddItem add -> "add " + add.sku() + " × " + add.quantity();
      case Cart.IncreaseQuantity increase -> "increase " + increase.sku() + " by " + increase.by();
      case Cart.DecreaseQuantity decrease -> "decrease " + decrease.sku() + " by " + decrease.by();
      case Cart.SetQuantity set -> "set " + set.sku() + " to " + set.quantity();
      case Cart.RemoveItem remove -> "remove " + remove.sku();
      case Cart.Clear _ -> "remove every line";
      case ByAdmin edit -> "an admin's " + (edit.overrideLock() ? "override: " : "") + requestOf(edit.change());
      default -> throw new IllegalArgumentException("Only line changes take an Idempotency-Key");
    };
  }

  static Rejection reused(KeyedRequest earlier) {
    return Rejection.unprocessable("Idempotency-Key",
        "This Idempotency-Key was used on this cart for another request (" + earlier.request() + "): send a new key");
  }

  /** The request the cart remembers under the key, or null when it does not (any more). */
  KeyedRequest find(CartState state, String key, Instant now) {
    KeyedRequest keyed = state.keyed(key);
    return keyed == null || keyed.at().isBefore(now.minus(window)) ? null : keyed;
  }

  /** The state with the key recorded, and without the keys past the window. */
  CartState applied(CartState state, Cart.RequestKeyRecorded recorded) {
    return state.apply(recorded).keepingKeys(max, recorded.at().minus(window));
  }
}
