package org.monostore.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.payment.Payment;

/**
 * Where an order stands as a person would say it: its status with what its latest payment and its
 * fulfilment add. The status alone hides a declined payment (still PAYMENT_ADDED) and a delivered
 * parcel (still FULFILLMENT_CREATED). The rule is here twice, for one order ({@link #of}) and as SQL
 * for the list's filter ({@link #SQL}); OrderStageTest holds them to the same answers.
 */
@Schema(name = "OrderStage", description = "Where the order stands: AWAITING_CONTACT, AWAITING_PAYMENT, "
    + "AWAITING_AUTHORIZATION, PAYMENT_DECLINED, PAYMENT_FAILED, PAYMENT_PENDING (the gateway has not answered), "
    + "PAID (awaiting its fulfilment), TO_BE_PICKED, PICKED, SHIPPED, DELIVERED, CANCELLED")
public enum OrderStage {
  AWAITING_CONTACT,
  AWAITING_PAYMENT,
  AWAITING_AUTHORIZATION,
  PAYMENT_DECLINED,
  PAYMENT_FAILED,
  PAYMENT_PENDING,
  PAID,
  TO_BE_PICKED,
  PICKED,
  SHIPPED,
  DELIVERED,
  CANCELLED;

  /** The stages someone at the shop has to act on: a payment that did not go through, a paid order not yet sent. */
  public static final Set<OrderStage> NEEDING_ATTENTION = Set.of(PAYMENT_DECLINED, PAYMENT_FAILED, PAYMENT_PENDING, PAID);

  /**
   * @param latestPayment the status of the order's latest payment, null without one
   * @param fulfillment the status of the order's live fulfilment, null without one (or before its
   *     first event is known: a fulfilment just created is to be picked)
   */
  static OrderStage of(OrderState.Status status, Payment.Status latestPayment, Fulfillment.Status fulfillment) {
    return switch (status) {
      case CREATED -> AWAITING_CONTACT;
      case CONTACT_GIVEN -> AWAITING_PAYMENT;
      case PAYMENT_ADDED -> switch (latestPayment) {
        case DECLINED -> PAYMENT_DECLINED;
        case FAILED -> PAYMENT_FAILED;
        case PENDING -> PAYMENT_PENDING;
        case null, default -> AWAITING_AUTHORIZATION;
      };
      case PAYMENT_AUTHORIZED -> PAID;
      case FULFILLMENT_CREATED -> switch (fulfillment) {
        case PICKED -> PICKED;
        case SHIPPED -> SHIPPED;
        case DELIVERED -> DELIVERED;
        // The order learns of a cancelled fulfilment in its own event, which makes it PAYMENT_AUTHORIZED.
        case null, default -> TO_BE_PICKED;
      };
      case CANCELLED -> CANCELLED;
    };
  }

  static OrderStage of(OrderState order, Fulfillment.Status fulfillment) {
    List<OrderState.PaymentEntry> payments = order.payments();
    Payment.Status latest = payments.isEmpty() ? null : payments.getLast().status();
    return of(order.status(), latest, fulfillment);
  }

  /** {@link #of} over order_summary {@code o} and its live fulfilment's order_fulfillment row {@code f}. */
  static final String SQL = """
      CASE o.status
        WHEN 'CREATED' THEN 'AWAITING_CONTACT'
        WHEN 'CONTACT_GIVEN' THEN 'AWAITING_PAYMENT'
        WHEN 'PAYMENT_ADDED' THEN CASE o.payment_status
          WHEN 'DECLINED' THEN 'PAYMENT_DECLINED' WHEN 'FAILED' THEN 'PAYMENT_FAILED'
          WHEN 'PENDING' THEN 'PAYMENT_PENDING' ELSE 'AWAITING_AUTHORIZATION' END
        WHEN 'PAYMENT_AUTHORIZED' THEN 'PAID'
        WHEN 'FULFILLMENT_CREATED' THEN CASE f.status
          WHEN 'PICKED' THEN 'PICKED' WHEN 'SHIPPED' THEN 'SHIPPED' WHEN 'DELIVERED' THEN 'DELIVERED'
          ELSE 'TO_BE_PICKED' END
        ELSE 'CANCELLED' END""";
}
