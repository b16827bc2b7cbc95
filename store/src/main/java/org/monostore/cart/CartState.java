package org.monostore.cart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.monostore.cart.Cart.AddItem;
import org.monostore.cart.Cart.AuthorizationHoldEnded;
import org.monostore.cart.Cart.ByAdmin;
import org.monostore.cart.Cart.CartCheckedOut;
import org.monostore.cart.Cart.CartCleared;
import org.monostore.cart.Cart.CartCreated;
import org.monostore.cart.Cart.CartEditedByAdmin;
import org.monostore.cart.Cart.CartHeldForAuthorization;
import org.monostore.cart.Cart.CartLocked;
import org.monostore.cart.Cart.CartUnlocked;
import org.monostore.cart.Cart.Clear;
import org.monostore.cart.Cart.CodeEntered;
import org.monostore.cart.Cart.CodeRemoved;
import org.monostore.cart.Cart.Command;
import org.monostore.cart.Cart.DecreaseQuantity;
import org.monostore.cart.Cart.EnterCode;
import org.monostore.cart.Cart.EnteredCode;
import org.monostore.cart.Cart.Event;
import org.monostore.cart.Cart.IncreaseQuantity;
import org.monostore.cart.Cart.ItemAdded;
import org.monostore.cart.Cart.ItemQuantityChanged;
import org.monostore.cart.Cart.ItemRemoved;
import org.monostore.cart.Cart.KeyedRequest;
import org.monostore.cart.Cart.Limits;
import org.monostore.cart.Cart.Line;
import org.monostore.cart.Cart.LineChange;
import org.monostore.cart.Cart.RemoveItem;
import org.monostore.cart.Cart.RequestKeyRecorded;
import org.monostore.cart.Cart.SetQuantity;
import org.monostore.cart.Cart.Status;
import org.monostore.catalog.ProductDetails;
import org.monostore.platform.Persisted;
import org.monostore.platform.PersistedAs;
import org.monostore.platform.Rejection;
import org.monostore.pricing.Pricing;
import org.monostore.shared.Money;

/**
 * The cart as its events left it; {@code status} is null until it is created, {@code orderId} names
 * the order that locked or checked it out, {@code authorizing} says that order's payment is at the
 * gateway for the cart's total, {@code keys} are the Idempotency-Keys it remembers, oldest first
 * (snapshots from before either was recorded read as false and none).
 */
@PersistedAs("cart.CartState")
public record CartState(
    String market, String currency, Status status, List<Line> lines, String orderId, boolean authorizing,
    Instant createdAt, Instant updatedAt, List<KeyedRequest> keys, List<EnteredCode> codes)
    implements Persisted {

  static final CartState NONE =
      new CartState(null, null, null, List.of(), null, false, null, null, List.of(), List.of());

  /** A cart holds at most this many codes: each of another promotion. */
  static final int MAX_CODES = 5;

  public CartState {
    keys = keys == null ? List.of() : keys;
    codes = codes == null ? List.of() : codes;
  }

  /** The cart as the snapshots before codes wrote it. */
  public CartState(
      String market, String currency, Status status, List<Line> lines, String orderId, boolean authorizing,
      Instant createdAt, Instant updatedAt, List<KeyedRequest> keys) {
    this(market, currency, status, lines, orderId, authorizing, createdAt, updatedAt, keys, List.of());
  }

  EnteredCode code(String code) {
    return codes.stream().filter(entered -> entered.code().equals(code)).findFirst().orElse(null);
  }

  /** Why the code may not be entered now: too many, one of its promotion's is in already, or it would not apply. */
  Rejection refuse(EnterCode enter, CartPricing pricer) {
    if (codes.size() >= MAX_CODES) {
      return Rejection.conflict("The cart holds " + MAX_CODES + " codes already: remove one first", status.name());
    }
    for (EnteredCode entered : codes) {
      if (entered.promotionId().equals(enter.promotionId())) {
        return Rejection.conflict("The code " + entered.code() + " of the same promotion is in the cart already",
            status.name());
      }
    }
    List<EnteredCode> more = new ArrayList<>(codes);
    more.add(new EnteredCode(enter.code(), enter.promotionId()));
    CartPricing.Priced priced = pricer.price(market, currency, items(), codesByPromotion(more), Instant.now());
    if (priced.promotions().applied().stream().anyMatch(applied -> applied.promotionId().equals(enter.promotionId()))) {
      return null;
    }
    String reason = priced.promotions().notApplied().stream()
        .filter(notApplied -> notApplied.promotionId().equals(enter.promotionId()))
        .map(CartView.PromotionNotApplied::reason)
        .findFirst()
        .orElse("its promotion is not running in market " + market + " now");
    return Rejection.conflict("The code " + enter.code() + " does not apply to this cart: " + reason, status.name());
  }

  Optional<Line> line(String sku) {
    return lines.stream().filter(line -> line.sku().equals(sku)).findFirst();
  }

  int quantityOf(String sku) {
    return line(sku).map(Line::quantity).orElse(0);
  }

  /** Why the change may not be made to this open cart, or null when it may. */
  Rejection refuse(LineChange change, Limits limits) {
    int current = quantityOf(change.sku());
    if (!(change instanceof AddItem) && current == 0) {
      return Rejection.notFound("The cart has no line for " + change.sku());
    }
    String field = switch (change) {
      case AddItem add -> "quantity";
      case SetQuantity set -> "quantity";
      case IncreaseQuantity increase -> "by";
      case DecreaseQuantity decrease -> "by";
    };
    int amount = switch (change) {
      case AddItem add -> add.quantity();
      case SetQuantity set -> set.quantity();
      case IncreaseQuantity increase -> increase.by();
      case DecreaseQuantity decrease -> decrease.by();
    };
    if (amount < 1) {
      return Rejection.invalid(field, "'" + field + "' must be a positive whole number");
    }
    if (change instanceof DecreaseQuantity && amount > current) {
      return Rejection.invalid(field, "'by' is " + amount + " but the line has only " + current);
    }
    if (current == 0 && lines.size() >= limits.maxLines()) {
      return Rejection.invalid("sku", "A cart holds at most " + limits.maxLines() + " lines");
    }
    if (quantityAfter(change) > limits.maxQuantityPerLine()) {
      return Rejection.invalid(field,
          "A line holds at most " + limits.maxQuantityPerLine() + " of a product");
    }
    return null;
  }

  /** The product's price in this cart's market and currency, or null where it has none. */
  Money priceOf(ProductDetails product) {
    Money price = product.priceIn(market);
    return price != null && price.currency().equals(currency) ? price : null;
  }

  long quantityAfter(LineChange change) {
    long current = quantityOf(change.sku());
    return switch (change) {
      case AddItem add -> current + add.quantity();
      case SetQuantity set -> set.quantity();
      case IncreaseQuantity increase -> current + increase.by();
      case DecreaseQuantity decrease -> current - decrease.by();
    };
  }

  /** The event that makes an allowed change, at the product's current price. */
  Event changed(LineChange change, ProductDetails product, long unitPrice, Instant at) {
    int after = (int) quantityAfter(change);
    if (after == 0) {
      return new ItemRemoved(change.sku(), at);
    }
    if (quantityOf(change.sku()) == 0) {
      return new ItemAdded(change.sku(), product.name(), product.category(), after, unitPrice, at);
    }
    return new ItemQuantityChanged(change.sku(), after, unitPrice, at);
  }

  CartState apply(Event event) {
    return switch (event) {
      case CartCreated created -> new CartState(created.market(), created.currency(), Status.OPEN, List.of(), null,
          false, created.at(), created.at(), keys, List.of());
      case ItemAdded added -> {
        List<Line> more = new ArrayList<>(lines);
        more.add(new Line(added.sku(), added.name(), added.category(), added.quantity(), added.unitPrice()));
        yield withLines(more, added.at());
      }
      case ItemQuantityChanged changed -> withLines(
          lines.stream()
              .map(line -> line.sku().equals(changed.sku())
                  ? new Line(line.sku(), line.name(), line.category(), changed.quantity(), changed.unitPrice())
                  : line)
              .toList(),
          changed.at());
      case ItemRemoved removed ->
          withLines(lines.stream().filter(line -> !line.sku().equals(removed.sku())).toList(), removed.at());
      case CartCleared cleared -> withLines(List.of(), cleared.at());
      case CartLocked locked -> withStatus(Status.LOCKED, locked.orderId(), false, locked.at());
      case CartUnlocked unlocked -> withStatus(Status.OPEN, null, false, unlocked.at());
      case CartCheckedOut checkedOut -> withStatus(Status.CHECKED_OUT, checkedOut.orderId(), false, checkedOut.at());
      case CartHeldForAuthorization held -> withStatus(status, orderId, true, held.at());
      case AuthorizationHoldEnded ended -> withStatus(status, orderId, false, ended.at());
      case CartEditedByAdmin edited -> this;
      case CodeEntered entered -> {
        List<EnteredCode> more = new ArrayList<>(codes);
        more.add(new EnteredCode(entered.code(), entered.promotionId()));
        yield withCodes(more, entered.at());
      }
      case CodeRemoved removed ->
          withCodes(codes.stream().filter(code -> !code.code().equals(removed.code())).toList(), removed.at());
      case RequestKeyRecorded recorded -> {
        List<KeyedRequest> more = new ArrayList<>(keys.size() + 1);
        keys.stream().filter(keyed -> !keyed.key().equals(recorded.key())).forEach(more::add);
        more.add(new KeyedRequest(recorded.key(), recorded.request(), recorded.orderId(), recorded.at()));
        yield withKeys(more);
      }
    };
  }

  /** The request recorded under the key, if the cart remembers it. */
  KeyedRequest keyed(String key) {
    for (KeyedRequest keyed : keys) {
      if (keyed.key().equals(key)) {
        return keyed;
      }
    }
    return null;
  }

  /** Only the last {@code max} keys, and of them only those recorded at or after {@code since}. */
  CartState keepingKeys(int max, Instant since) {
    int first = Math.max(0, keys.size() - max);
    while (first < keys.size() && keys.get(first).at().isBefore(since)) {
      first++;
    }
    return first == 0 ? this : withKeys(keys.subList(first, keys.size()));
  }

  private CartState withLines(List<Line> newLines, Instant at) {
    return new CartState(market, currency, status, List.copyOf(newLines), orderId, authorizing, createdAt, at, keys,
        codes);
  }

  private CartState withStatus(Status newStatus, String newOrderId, boolean nowAuthorizing, Instant at) {
    return new CartState(market, currency, newStatus, lines, newOrderId, nowAuthorizing, createdAt, at, keys, codes);
  }

  private CartState withKeys(List<KeyedRequest> newKeys) {
    return new CartState(market, currency, status, lines, orderId, authorizing, createdAt, updatedAt,
        List.copyOf(newKeys), codes);
  }

  private CartState withCodes(List<EnteredCode> newCodes, Instant at) {
    return new CartState(market, currency, status, lines, orderId, authorizing, createdAt, at, keys,
        List.copyOf(newCodes));
  }

  boolean heldBy(String order) {
    return order.equals(orderId);
  }

  /** Why the admin may not make this change now, or null when they may. */
  Rejection refuse(ByAdmin editor, Command change) {
    if (status == null || status == Status.OPEN) {
      return null;
    }
    if (status == Status.CHECKED_OUT) {
      return Rejection.conflict("The cart is checked out by order " + orderId + " and can no longer change",
          status.name());
    }
    if (authorizing) {
      return Rejection.conflict("Order " + orderId + "'s payment for this cart is at the payment gateway: the cart "
          + "cannot change until the gateway has answered", status.name());
    }
    if (!editor.overrideLock()) {
      return Rejection.conflict("The cart is locked by order " + orderId + "'s payment: an admin may change it only "
          + "by overriding the lock (override=true)", status.name(), List.of("override"));
    }
    // An order with nothing to pay for or ship must not be paid: it is cancelled instead.
    return leavesNoLine(change) ? Rejection.conflict("The cart is locked by order " + orderId
        + "'s payment and would be left empty: cancel the order instead", status.name()) : null;
  }

  private boolean leavesNoLine(Command change) {
    return switch (change) {
      case Clear clear -> true;
      case RemoveItem remove -> lines.size() == 1 && line(remove.sku()).isPresent();
      case LineChange lineChange -> lines.size() == 1 && line(lineChange.sku()).isPresent()
          && quantityAfter(lineChange) <= 0;
      default -> false;
    };
  }

  CartView view(String cartId, CartPricing pricer) {
    List<CartView.CartLine> viewLines = new ArrayList<>(lines.size());
    for (Line line : lines) {
      Money unitPrice = new Money(line.unitPrice(), currency);
      viewLines.add(new CartView.CartLine(line.sku(), line.name(), line.quantity(), unitPrice, unitPrice.times(line.quantity())));
    }
    CartPricing.Priced priced = pricer.price(market, currency, items(), codesByPromotion(codes), Instant.now());
    return new CartView(cartId, market, status, currency, viewLines, priced.pricing().subtotal(), priced.pricing(),
        orderId, createdAt, updatedAt, priced.promotions(), codes.stream().map(EnteredCode::code).toList(), List.of());
  }

  private List<Pricing.Item> items() {
    List<Pricing.Item> items = new ArrayList<>(lines.size());
    for (Line line : lines) {
      items.add(new Pricing.Item(line.sku(), line.name(), line.category(), line.quantity(), line.unitPrice()));
    }
    return items;
  }

  private static Map<String, String> codesByPromotion(List<EnteredCode> codes) {
    Map<String, String> byPromotion = new HashMap<>();
    for (EnteredCode code : codes) {
      byPromotion.put(code.promotionId(), code.code());
    }
    return byPromotion;
  }
}
