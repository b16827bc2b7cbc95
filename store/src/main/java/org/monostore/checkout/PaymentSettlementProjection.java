package org.monostore.checkout;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.monostore.platform.CommittedEvents;
import org.monostore.platform.Projections;

/**
 * Keeps the payment_settlement table from order events: a reminder appears when a payment may hold the
 * customer's money with nobody bound to come back for it (its outcome is pending, or its order was
 * cancelled), and goes when an event settles it. Started, as a read model, by {@link PaymentSettlements}.
 */
final class PaymentSettlementProjection {

  static final String NAME = "payment-settlement";

  private PaymentSettlementProjection() {}

  static void start(Projections projections, Duration firstReminder) {
    projections.<PurchaseOrder.Event>start(NAME, PurchaseOrder.ENTITY_KEY, () -> new Handler(firstReminder));
  }

  /** The handler: each event that opens or settles a payment changes its order's reminder. */
  static final class Handler extends JdbcHandler<List<CommittedEvents.Entry<PurchaseOrder.Event>>, Projections.Session> {

    private final Duration firstReminder;

    Handler(Duration firstReminder) {
      this.firstReminder = firstReminder;
    }

    @Override
    public void process(Projections.Session session, List<CommittedEvents.Entry<PurchaseOrder.Event>> entries)
        throws Exception {
      for (CommittedEvents.Entry<PurchaseOrder.Event> entry : entries) {
        switch (entry.event()) {
          case PurchaseOrder.PaymentPending pending -> remind(session, entry.entityId(), pending.paymentId(), pending);
          case PurchaseOrder.PaymentSettlementDue due -> remind(session, entry.entityId(), due.paymentId(), due);
          case PurchaseOrder.PaymentAuthorized settled -> settled(session, entry.entityId(), settled.paymentId());
          case PurchaseOrder.PaymentDeclined settled -> settled(session, entry.entityId(), settled.paymentId());
          case PurchaseOrder.PaymentFailed settled -> settled(session, entry.entityId(), settled.paymentId());
          case PurchaseOrder.PaymentReleased settled -> settled(session, entry.entityId(), settled.paymentId());
          default -> { }
        }
      }
    }

    /** A new reminder, or the one there is for the same payment as it stands (its backoff goes on). */
    private void remind(Projections.Session session, String orderId, String paymentId, PurchaseOrder.Event event)
        throws Exception {
      session.update("""
          INSERT INTO payment_settlement (order_id, payment_id, due_at, attempts) VALUES (?, ?, ?, 0)
          ON CONFLICT (order_id) DO UPDATE SET payment_id = excluded.payment_id, due_at = excluded.due_at, attempts = 0
          WHERE payment_settlement.payment_id <> excluded.payment_id""",
          orderId, paymentId, event.at().plus(firstReminder));
    }

    private static void settled(Projections.Session session, String orderId, String paymentId) throws Exception {
      session.update("DELETE FROM payment_settlement WHERE order_id = ? AND payment_id = ?", orderId, paymentId);
    }
  }
}
