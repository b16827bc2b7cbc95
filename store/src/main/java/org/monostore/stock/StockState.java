package org.monostore.stock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.monostore.catalog.Availability;
import org.monostore.platform.Persisted;
import org.monostore.platform.PersistedAs;
import org.monostore.platform.Rejection;
import org.monostore.stock.Stock.Event;
import org.monostore.stock.Stock.ReservationCommitted;
import org.monostore.stock.Stock.ReservationReleased;
import org.monostore.stock.Stock.StockAdjusted;
import org.monostore.stock.Stock.StockReceived;
import org.monostore.stock.Stock.StockReserved;
import org.monostore.stock.Stock.Why;

/**
 * One SKU's stock as its events left it. A SKU is {@code tracked} from its first receipt or adjustment:
 * before that the shop does not count it, and it sells as the catalog's in-stock flag says. {@code
 * onHand} is what is in the warehouse, reserved units included; {@code reservations} are the orders
 * holding units, by order id. The shop never reserves more than it has on hand, so what is available
 * is never negative. A reservation whose time ran out holds its units until its release is recorded,
 * after its order said it is not paid: so a crash that lost a paid order's word can never free them.
 */
@PersistedAs("stock.StockState")
public record StockState(boolean tracked, long onHand, long committed, Map<String, Reservation> reservations)
    implements Persisted {

  static final StockState UNTRACKED = new StockState(false, 0, 0, Map.of());

  /**
   * Units one order holds: until {@code until} while its payment is being added and authorized, after
   * which they are released unless the order is paid; with no {@code until} once its payment went
   * through, until the parcel ships or the order lets them go.
   */
  public record Reservation(long quantity, Instant until, Instant reservedAt) {

    boolean ranOutBy(Instant now) {
      return until != null && !until.isAfter(now);
    }
  }

  public StockState {
    reservations = reservations == null ? Map.of() : reservations;
  }

  /** The units reserved for orders, those whose time ran out included until they are released. */
  long reserved() {
    long reserved = 0;
    for (Reservation reservation : reservations.values()) {
      reserved += reservation.quantity();
    }
    return reserved;
  }

  long available() {
    return onHand - reserved();
  }

  /** Why the order may not hold {@code quantity} units, naming the SKU and what is available; null when it may. */
  Rejection refuse(String sku, String orderId, long quantity) {
    if (!tracked) {
      return null;
    }
    Reservation own = reservations.get(orderId);
    long available = available() + (own != null ? own.quantity() : 0);
    if (quantity <= available) {
      return null;
    }
    return Rejection.shortage(sku, available, Availability.shortage(sku, available, "the order", quantity));
  }

  /** What reserving records: nothing for a SKU the shop does not count, or when the order holds as much as long. */
  List<Event> reserved(String orderId, long quantity, Instant until, Instant now) {
    Reservation own = reservations.get(orderId);
    if (!tracked || own != null && own.quantity() == quantity
        && (own.until() == null || until != null && !until.isAfter(own.until()))) {
      return List.of();
    }
    return List.of(new StockReserved(orderId, quantity, until, now));
  }

  List<Event> released(String orderId, Why why, Instant now) {
    Reservation own = reservations.get(orderId);
    return own == null ? List.of() : List.of(new ReservationReleased(orderId, own.quantity(), why, now));
  }

  /** The parcel shipped: its units leave the warehouse. */
  List<Event> committed(String orderId, Instant now) {
    Reservation own = reservations.get(orderId);
    return own == null ? List.of() : List.of(new ReservationCommitted(orderId, own.quantity(), now));
  }

  /** The orders whose reservation's time ran out by {@code now}: each is asked whether it is paid. */
  List<String> ranOut(Instant now) {
    List<String> orders = new ArrayList<>();
    reservations.forEach((orderId, reservation) -> {
      if (reservation.ranOutBy(now)) {
        orders.add(orderId);
      }
    });
    return orders;
  }

  /** When the next reservation's time runs out; null when none has a time. */
  Instant nextExpiry() {
    Instant next = null;
    for (Reservation reservation : reservations.values()) {
      if (reservation.until() != null && (next == null || reservation.until().isBefore(next))) {
        next = reservation.until();
      }
    }
    return next;
  }

  /** Why on hand may not change so: it never goes below what orders hold. */
  Rejection refuseAdjustment(String sku, long change) {
    long reserved = reserved();
    if (onHand + change >= reserved) {
      return null;
    }
    return Rejection.conflict("Product " + sku + " has " + onHand + " on hand, of which orders hold " + reserved
        + ": on hand may not go below that (" + change + " would leave " + (onHand + change)
        + "). Cancel orders first", null);
  }

  StockState apply(Event event) {
    return switch (event) {
      case StockReceived received -> new StockState(true, onHand + received.quantity(), committed, reservations);
      case StockAdjusted adjusted -> new StockState(true, onHand + adjusted.change(), committed, reservations);
      case StockReserved reserved -> new StockState(tracked, onHand, committed, with(reserved.orderId(),
          new Reservation(reserved.quantity(), reserved.until(), reserved.at())));
      case ReservationReleased released ->
          new StockState(tracked, onHand, committed, with(released.orderId(), null));
      case ReservationCommitted done -> new StockState(tracked, onHand - done.quantity(),
          committed + done.quantity(), with(done.orderId(), null));
    };
  }

  /** The reservations with the order's replaced (or taken out, for null). */
  private Map<String, Reservation> with(String orderId, Reservation reservation) {
    Map<String, Reservation> changed = new HashMap<>(reservations);
    if (reservation == null) {
      changed.remove(orderId);
    } else {
      changed.put(orderId, reservation);
    }
    return Collections.unmodifiableMap(changed);
  }

  StockView view(String sku) {
    List<StockView.ReservationView> held = reservations.entrySet().stream()
        .map(entry -> new StockView.ReservationView(entry.getKey(), entry.getValue().quantity(),
            entry.getValue().until(), entry.getValue().reservedAt()))
        .sorted((one, other) -> one.reservedAt().compareTo(other.reservedAt()))
        .toList();
    return new StockView(sku, tracked, onHand, reserved(), available(), committed, held);
  }
}
