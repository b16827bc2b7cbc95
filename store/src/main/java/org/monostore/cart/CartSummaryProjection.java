package org.monostore.cart;

import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.monostore.platform.Projections;
import org.springframework.stereotype.Component;

/** Keeps the cart_summary table, the admin's list of carts, from the carts' events. */
@Component
class CartSummaryProjection {

  static final String NAME = "cart-summary";

  CartSummaryProjection(Projections projections, Carts carts) {
    // Carts first: the projection reads the events the Cart entities write.
    projections.<Cart.Event>start(NAME, Cart.TAGS, Handler::new);
  }

  /** One slice's handler: each event changes the cart's row, in the projection's transaction. */
  static final class Handler extends JdbcHandler<EventEnvelope<Cart.Event>, Projections.Session> {

    @Override
    public void process(Projections.Session session, EventEnvelope<Cart.Event> envelope) throws Exception {
      String cartId = envelope.persistenceId().substring(envelope.persistenceId().indexOf('|') + 1);
      switch (envelope.event()) {
        case Cart.CartCreated created -> session.update("""
            INSERT INTO cart_summary (cart_id, market, currency, status, created_at, updated_at)
            VALUES (?, ?, ?, 'OPEN', ?, ?) ON CONFLICT (cart_id) DO NOTHING""",
            cartId, created.market(), created.currency(), created.at(), created.at());
        case Cart.ItemAdded added -> {
          session.update("""
              INSERT INTO cart_summary_line (cart_id, sku, quantity, unit_price) VALUES (?, ?, ?, ?)
              ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = excluded.quantity, unit_price = excluded.unit_price""",
              cartId, added.sku(), added.quantity(), added.unitPrice());
          sumLines(session, cartId, added);
        }
        case Cart.ItemQuantityChanged changed -> {
          session.update("UPDATE cart_summary_line SET quantity = ?, unit_price = ? WHERE cart_id = ? AND sku = ?",
              changed.quantity(), changed.unitPrice(), cartId, changed.sku());
          sumLines(session, cartId, changed);
        }
        case Cart.ItemRemoved removed -> {
          session.update("DELETE FROM cart_summary_line WHERE cart_id = ? AND sku = ?", cartId, removed.sku());
          sumLines(session, cartId, removed);
        }
        case Cart.CartCleared cleared -> {
          session.update("DELETE FROM cart_summary_line WHERE cart_id = ?", cartId);
          sumLines(session, cartId, cleared);
        }
        case Cart.CartLocked locked -> status(session, cartId, Cart.Status.LOCKED, locked.orderId(), locked);
        case Cart.CartUnlocked unlocked -> status(session, cartId, Cart.Status.OPEN, null, unlocked);
        case Cart.CartCheckedOut checkedOut ->
            status(session, cartId, Cart.Status.CHECKED_OUT, checkedOut.orderId(), checkedOut);
        // The change the admin made follows in its own event.
        case Cart.CartEditedByAdmin edited -> { }
      }
    }

    private static void sumLines(Projections.Session session, String cartId, Cart.Event event) throws Exception {
      session.update("""
          UPDATE cart_summary SET line_count = lines.count, item_count = lines.items, total = lines.total,
            updated_at = ?
          FROM (SELECT count(*) AS count, coalesce(sum(quantity), 0) AS items,
                  coalesce(sum(quantity * unit_price), 0) AS total
                FROM cart_summary_line WHERE cart_id = ?) AS lines
          WHERE cart_id = ?""", event.at(), cartId, cartId);
    }

    private static void status(
        Projections.Session session, String cartId, Cart.Status status, String orderId, Cart.Event event)
        throws Exception {
      session.update("UPDATE cart_summary SET status = ?, order_id = ?, updated_at = ? WHERE cart_id = ?",
          status.name(), orderId, event.at(), cartId);
    }
  }
}
