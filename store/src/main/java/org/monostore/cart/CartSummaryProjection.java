package org.monostore.cart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.monostore.platform.CommittedEvents;
import org.monostore.platform.Projections;
import org.monostore.platform.ReadModel;
import org.springframework.stereotype.Component;

/** Keeps the cart_summary table, the admin's list of carts, from the carts' events. */
@Component
class CartSummaryProjection implements ReadModel {

  static final String NAME = "cart-summary";

  private final Projections projections;
  private final List<CartTotalListener> totalListeners;

  CartSummaryProjection(Projections projections, List<CartTotalListener> totalListeners) {
    this.projections = projections;
    this.totalListeners = List.copyOf(totalListeners);
  }

  @Override
  public void start() {
    projections.<Cart.Event>start(NAME, Cart.ENTITY_KEY, () -> new Handler(totalListeners));
  }

  /**
   * The handler. A group of events is folded per cart first, so a cart that changed ten times
   * in the group is written once: what counts is where its events left it.
   */
  static final class Handler extends JdbcHandler<List<CommittedEvents.Entry<Cart.Event>>, Projections.Session> {

    private final List<CartTotalListener> totalListeners;

    Handler(List<CartTotalListener> totalListeners) {
      this.totalListeners = totalListeners;
    }

    @Override
    public void process(Projections.Session session, List<CommittedEvents.Entry<Cart.Event>> entries)
        throws Exception {
      Map<String, Changes> carts = new LinkedHashMap<>();
      for (CommittedEvents.Entry<Cart.Event> entry : entries) {
        carts.computeIfAbsent(entry.entityId(), Changes::new).apply(entry.event());
      }
      List<Object[]> created = new ArrayList<>();
      List<Object[]> cleared = new ArrayList<>();
      List<Object[]> linesSet = new ArrayList<>();
      List<Object[]> linesRemoved = new ArrayList<>();
      List<Object[]> summarized = new ArrayList<>();
      for (Changes cart : carts.values()) {
        if (cart.updatedAt == null) {
          continue;
        }
        if (cart.created != null) {
          created.add(new Object[] {cart.id, cart.created.market(), cart.created.currency(), cart.created.at()});
        }
        if (cart.cleared) {
          cleared.add(new Object[] {cart.id});
        }
        cart.lines.forEach((sku, line) -> {
          if (line == null) {
            linesRemoved.add(new Object[] {cart.id, sku});
          } else {
            linesSet.add(new Object[] {cart.id, sku, line.quantity(), line.unitPrice()});
          }
        });
        summarized.add(new Object[] {cart.id, cart.status, cart.orderId, cart.updatedAt});
      }
      session.forRows("""
          INSERT INTO cart_summary (cart_id, market, currency, status, created_at, updated_at)
          SELECT cart_id, market, currency, 'OPEN', at, at
          FROM unnest(?::varchar[], ?::char(2)[], ?::char(3)[], ?::timestamptz[]) AS c(cart_id, market, currency, at)
          ON CONFLICT (cart_id) DO NOTHING""", created);
      session.forRows("DELETE FROM cart_summary_line WHERE cart_id = ANY (?::varchar[])", cleared);
      session.forRows("""
          DELETE FROM cart_summary_line l USING unnest(?::varchar[], ?::varchar[]) AS r(cart_id, sku)
          WHERE l.cart_id = r.cart_id AND l.sku = r.sku""", linesRemoved);
      // A group has at most one change per line, as one statement may change a row only once.
      session.forRows("""
          INSERT INTO cart_summary_line (cart_id, sku, quantity, unit_price)
          SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::int[], ?::bigint[])
          ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = excluded.quantity, unit_price = excluded.unit_price""",
          linesSet);
      // One new version of each cart's row per group; a status comes with the order it names, or none.
      List<CartTotalListener.CartTotal> totals = session.forRows("""
          UPDATE cart_summary s
          SET line_count = lines.count, item_count = lines.items, total = lines.total,
              status = coalesce(c.status, s.status),
              order_id = CASE WHEN c.status IS NULL THEN s.order_id ELSE c.order_id END,
              updated_at = c.updated_at
          FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[])
                 AS c(cart_id, status, order_id, updated_at)
            CROSS JOIN LATERAL (
              SELECT count(*) AS count, coalesce(sum(quantity), 0) AS items,
                  coalesce(sum(quantity * unit_price), 0) AS total
              FROM cart_summary_line WHERE cart_id = c.cart_id) AS lines
          WHERE s.cart_id = c.cart_id
          RETURNING s.cart_id, s.total, s.updated_at""", summarized,
          (row, n) -> new CartTotalListener.CartTotal(
              row.getString("cart_id"), row.getLong("total"), row.getTimestamp("updated_at").toInstant()));
      for (CartTotalListener listener : totalListeners) {
        listener.totalsChanged(session, totals);
      }
    }
  }

  /** What one group of events did to one cart. */
  private static final class Changes {

    record Line(int quantity, long unitPrice) {}

    final String id;
    Cart.CartCreated created;
    /** All lines went before the changes in {@code lines}. */
    boolean cleared;
    /** The lines changed, by SKU, as the group left them; null for a line removed. */
    final Map<String, Line> lines = new LinkedHashMap<>();
    Cart.Status status;
    String orderId;
    Instant updatedAt;

    Changes(String id) {
      this.id = id;
    }

    void apply(Cart.Event event) {
      switch (event) {
        // A client's key changes nothing a summary shows: a cart with only keys in the group is left as it is.
        case Cart.RequestKeyRecorded keyed -> {
          return;
        }
        case Cart.CartCreated first -> created = first;
        case Cart.ItemAdded added -> lines.put(added.sku(), new Line(added.quantity(), added.unitPrice()));
        case Cart.ItemQuantityChanged changed ->
            lines.put(changed.sku(), new Line(changed.quantity(), changed.unitPrice()));
        case Cart.ItemRemoved removed -> lines.put(removed.sku(), null);
        case Cart.CartCleared all -> {
          cleared = true;
          lines.clear();
        }
        case Cart.CartLocked locked -> status(Cart.Status.LOCKED, locked.orderId());
        case Cart.CartUnlocked unlocked -> status(Cart.Status.OPEN, null);
        case Cart.CartCheckedOut checkedOut -> status(Cart.Status.CHECKED_OUT, checkedOut.orderId());
        // The change the admin made follows in its own event; a hold keeps the cart LOCKED.
        case Cart.CartEditedByAdmin edited -> { }
        case Cart.CartHeldForAuthorization held -> { }
        case Cart.AuthorizationHoldEnded ended -> { }
        case Cart.CodeEntered entered -> { }
        case Cart.CodeRemoved removed -> { }
      }
      updatedAt = event.at();
    }

    private void status(Cart.Status newStatus, String newOrderId) {
      status = newStatus;
      orderId = newOrderId;
    }
  }
}
