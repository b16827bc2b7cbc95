package org.monostore.checkout;

import java.time.Instant;
import java.util.List;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.monostore.cart.CartSummaries;
import org.monostore.payment.Payment;
import org.monostore.platform.CommittedEvents;
import org.monostore.platform.Projections;
import org.monostore.platform.ReadModel;
import org.monostore.promotion.Redemption;
import org.springframework.stereotype.Component;

/**
 * Keeps the order_summary table, the admin's list of orders and the dashboard's figures, and the
 * order_redemption table, what each order took of each promotion, from order events; hands the cart
 * module the emails given, for its list of carts.
 */
@Component
class OrderSummaryProjection implements ReadModel {

  static final String NAME = "order-summary";

  private final Projections projections;

  OrderSummaryProjection(Projections projections) {
    this.projections = projections;
  }

  @Override
  public void start() {
    projections.<PurchaseOrder.Event>start(NAME, PurchaseOrder.ENTITY_KEY, Handler::new);
  }

  /** The handler: each event of the group changes its order's row, in the group's transaction. */
  static final class Handler
      extends JdbcHandler<List<CommittedEvents.Entry<PurchaseOrder.Event>>, Projections.Session> {

    @Override
    public void process(Projections.Session session, List<CommittedEvents.Entry<PurchaseOrder.Event>> entries)
        throws Exception {
      for (CommittedEvents.Entry<PurchaseOrder.Event> entry : entries) {
        process(session, entry);
      }
    }

    private static void process(Projections.Session session, CommittedEvents.Entry<PurchaseOrder.Event> entry)
        throws Exception {
      String orderId = entry.entityId();
      PurchaseOrder.Event event = entry.event();
      switch (event) {
        case PurchaseOrder.OrderCreated created -> session.update("""
            INSERT INTO order_summary (order_id, cart_id, market, currency, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, 'CREATED', ?, ?) ON CONFLICT (order_id) DO NOTHING""",
            orderId, created.cartId(), created.market(), created.currency(), created.at(), created.at());
        case PurchaseOrder.ContactGiven given -> {
          List<String> cart = session.query("""
              UPDATE order_summary SET email = ?, name = ?, updated_at = ?,
                status = CASE status WHEN 'CREATED' THEN 'CONTACT_GIVEN' ELSE status END
              WHERE order_id = ? RETURNING cart_id""", (row, n) -> row.getString("cart_id"),
              given.contact().email(), given.contact().name(), given.at(), orderId);
          // The admin's list of carts shows and searches it; the cart module keeps its own copy.
          for (String cartId : cart) {
            CartSummaries.orderEmailGiven(session, cartId, orderId, given.contact().email(), given.at());
          }
        }
        case PurchaseOrder.PaymentAdded added -> {
          session.update("""
              UPDATE order_summary SET status = 'PAYMENT_ADDED', total = ?, payment_id = ?, payment_status = 'INITIATED',
                updated_at = ?
              WHERE order_id = ?""", added.amount().amount(), added.paymentId(), added.at(), orderId);
          redemptionsReserved(session, orderId, added.pricing(), added.at());
        }
        case PurchaseOrder.PaymentRepriced repriced -> {
          session.update("UPDATE order_summary SET total = ?, updated_at = ? WHERE order_id = ?",
              repriced.amount().amount(), repriced.at(), orderId);
          redemptionsReserved(session, orderId, repriced.pricing(), repriced.at());
        }
        case PurchaseOrder.PaymentAuthorized authorized -> {
          session.update("""
              UPDATE order_summary SET status = 'PAYMENT_AUTHORIZED', authorized_at = ?, updated_at = ?
              WHERE order_id = ?""", authorized.at(), authorized.at(), orderId);
          payment(session, orderId, authorized);
          redemptions(session, orderId, "KEPT", authorized.at());
        }
        case PurchaseOrder.FulfillmentCreated created -> session.update("""
            UPDATE order_summary SET status = 'FULFILLMENT_CREATED', fulfillment_id = ?, updated_at = ?
            WHERE order_id = ?""", created.fulfillmentId(), created.at(), orderId);
        // Paid again, without a fulfilment until the next one is created.
        case PurchaseOrder.FulfillmentCancelled cancelled -> session.update("""
            UPDATE order_summary SET status = 'PAYMENT_AUTHORIZED', fulfillment_id = NULL, updated_at = ?
            WHERE order_id = ?""", cancelled.at(), orderId);
        case PurchaseOrder.OrderCancelled cancelled -> {
          status(session, orderId, "CANCELLED", event);
          redemptions(session, orderId, "GIVEN_BACK", cancelled.at());
        }
        // The status stays; the promotions' uses come back, as they do at the promotions.
        case PurchaseOrder.PaymentDeclined declined -> {
          payment(session, orderId, declined);
          redemptions(session, orderId, "GIVEN_BACK", declined.at());
        }
        case PurchaseOrder.PaymentFailed failed -> {
          payment(session, orderId, failed);
          redemptions(session, orderId, "GIVEN_BACK", failed.at());
        }
        case PurchaseOrder.PaymentPending pending -> payment(session, orderId, pending);
        case PurchaseOrder.PaymentReleased released -> payment(session, orderId, released);
        // An admin's marker, a settlement falling due: the status stays.
        default -> touch(session, orderId, event);
      }
    }

    private static void touch(Projections.Session session, String orderId, PurchaseOrder.Event event)
        throws Exception {
      session.update("UPDATE order_summary SET updated_at = ? WHERE order_id = ?", event.at(), orderId);
    }

    /** What the gateway said of the order's latest payment; an earlier payment's late outcome changes nothing. */
    private static void payment(Projections.Session session, String orderId, PurchaseOrder.PaymentOutcome outcome)
        throws Exception {
      Payment.Status status = switch (outcome) {
        case PurchaseOrder.PaymentAuthorized authorized -> Payment.Status.AUTHORIZED;
        case PurchaseOrder.PaymentDeclined declined -> Payment.Status.DECLINED;
        case PurchaseOrder.PaymentFailed failed -> Payment.Status.FAILED;
        case PurchaseOrder.PaymentPending pending -> Payment.Status.PENDING;
        case PurchaseOrder.PaymentReleased released -> Payment.Status.RELEASED;
      };
      session.update("UPDATE order_summary SET payment_status = ?, updated_at = ? WHERE order_id = ? AND payment_id = ?",
          status.name(), outcome.at(), orderId, outcome.paymentId());
    }

    /** The payment fixed the order's price: each promotion in it is reserved, as the price says now. */
    private static void redemptionsReserved(
        Projections.Session session, String orderId, FixedPricing pricing, Instant at) throws Exception {
      session.update("DELETE FROM order_redemption WHERE order_id = ?", orderId);
      for (Redemption taken : CheckoutProcess.redemptions(pricing.asPricing())) {
        session.update("""
            INSERT INTO order_redemption (order_id, promotion_id, code, amount, status, updated_at)
            VALUES (?, ?, ?, ?, 'RESERVED', ?)""", orderId, taken.promotionId(), taken.code(), taken.amount(), at);
      }
    }

    private static void redemptions(Projections.Session session, String orderId, String status, Instant at)
        throws Exception {
      session.update("UPDATE order_redemption SET status = ?, updated_at = ? WHERE order_id = ?", status, at, orderId);
    }

    private static void status(Projections.Session session, String orderId, String status, PurchaseOrder.Event event)
        throws Exception {
      session.update("UPDATE order_summary SET status = ?, updated_at = ? WHERE order_id = ?",
          status, event.at(), orderId);
    }
  }
}
