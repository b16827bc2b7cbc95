package org.monostore.cart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.monostore.platform.CommittedEvents;
import org.monostore.platform.Projections;
import org.springframework.stereotype.Component;

/** Keeps the cart_summary table, the admin's list of carts, from the carts' events. */
@Component
class CartSummaryProjection {

  static final String NAME = "cart-summary";

  CartSummaryProjection(Projections projections, Carts carts) {
    // Carts first: the projection reads the events the Cart entities write.
    projections.<Cart.Event>start(NAME, Cart.ENTITY_KEY, Handler::new);
  }

  /**
   * The handler. A group of events is folded per cart first, so a cart that changed ten times
   * in the group is written once: what counts is where its events left it.
   */
  static final class Handler extends JdbcHandler<List<CommittedEvents.Entry<Cart.Event>>, Projections.Session> {

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
        if (cart.created != null) {
          created.add(new Object[] {cart.id, cart.created.market(), cart.created.currency(), cart.created.at(),
              cart.created.at()});
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
        String status = cart.status == null ? null : cart.status.name();
        summarized.add(new Object[] {status, status, cart.orderId, cart.updatedAt, cart.id, cart.id});
      }
      session.batch("""
          INSERT INTO cart_summary (cart_id, market, currency, status, created_at, updated_at)
          VALUES (?, ?, ?, 'OPEN', ?, ?) ON CONFLICT (cart_id) DO NOTHING""", created);
      session.batch("DELETE FROM cart_summary_line WHERE cart_id = ?", cleared);
      session.batch("DELETE FROM cart_summary_line WHERE cart_id = ? AND sku = ?", linesRemoved);
      session.batch("""
          INSERT INTO cart_summary_line (cart_id, sku, quantity, unit_price) VALUES (?, ?, ?, ?)
          ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = excluded.quantity, unit_price = excluded.unit_price""",
          linesSet);
      // One update per cart, so that a group leaves one new version of each cart's row.
      session.batch("""
          UPDATE cart_summary
          SET line_count = lines.count, item_count = lines.items, total = lines.total,
              status = coalesce(?::varchar, status),
              order_id = CASE WHEN ?::varchar IS NULL THEN order_id ELSE ?::varchar END,
              updated_at = ?
          FROM (SELECT count(*) AS count, coalesce(sum(quantity), 0) AS items,
                  coalesce(sum(quantity * unit_price), 0) AS total
                FROM cart_summary_line WHERE cart_id = ?) AS lines
          WHERE cart_id = ?""", summarized);
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
      updatedAt = event.at();
      switch (event) {
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
        // The change the admin made follows in its own event.
        case Cart.CartEditedByAdmin edited -> { }
      }
    }

    private void status(Cart.Status newStatus, String newOrderId) {
      status = newStatus;
      orderId = newOrderId;
    }
  }
}
