package org.monostore.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.monostore.fulfillment.FulfillmentView;
import org.monostore.pricing.Pricing;
import org.monostore.shared.Money;

/** A purchase order as clients see it, with its payments, fulfilment and history. */
@Schema(name = "Order", description = "A purchase order: the checkout of one cart")
record OrderView(
    @Schema(description = "The order's id: random and unguessable") String id,
    String cartId,
    @Schema(example = "SE") String market,
    @Schema(example = "SEK") String currency,
    @Schema(description = "CREATED, CONTACT_GIVEN, PAYMENT_ADDED, PAYMENT_AUTHORIZED, FULFILLMENT_CREATED or "
        + "CANCELLED; after FULFILLMENT_CREATED, shipping moves on in fulfillment.status")
        OrderState.Status status,
    @Schema(description = "Where the order stands, as its status with what its latest payment and its fulfilment add")
        OrderStage stage,
    @Schema(description = "false while the cart can still change and pricing is what it holds now; true once a "
        + "payment locked the cart and fixed the amount") boolean pricingFixed,
    Pricing pricing,
    @Schema(description = "Set while the payment waiting for authorization is for another amount than the "
        + "cart now costs (an admin changed the locked cart); null otherwise", nullable = true)
        CartChangedAfterPayment cartChangedAfterPayment,
    @Schema(description = "Null until given", nullable = true) Contact contact,
    @Schema(description = "Every payment added, the latest last") List<OrderState.PaymentEntry> payments,
    @Schema(description = "Null until created", nullable = true) FulfillmentView fulfillment,
    @Schema(description = "What the order accepts now from its customer: contact, addPayment, authorize, "
        + "createFulfillment, cancel")
        List<OrderAction> allowedActions,
    @Schema(description = "In the admin API's answers only (null in the shop's): what an admin may do now, "
        + "each an admin route: contact, createFulfillment, pick, ship, deliver, cancelFulfillment, cancel "
        + "(also once paid, until the parcel is shipped)", nullable = true)
        List<OrderAction> adminActions,
    @Schema(description = "The events of the order, its payments and its fulfilment, oldest first")
        List<OrderTimeline.Entry> timeline,
    @Schema(description = "Who cancelled the order, once it is cancelled", example = "customer", nullable = true)
        String cancelledBy,
    Instant createdAt,
    Instant updatedAt) {

  @Schema(name = "CartChangedAfterPayment",
      description = "The locked cart was changed after the payment was added: what it costs now, what the payment is for")
  record CartChangedAfterPayment(
      @Schema(description = "The payment waiting for authorization") String paymentId,
      @Schema(description = "What the cart costs now") Money cartTotal,
      @Schema(description = "What the payment is for") Money paymentAmount,
      @Schema(description = "What happens next, in words") String note) {

    static CartChangedAfterPayment of(OrderState.PaymentEntry payment, Money cartTotal) {
      return new CartChangedAfterPayment(payment.id(), cartTotal, payment.amount(),
          "The cart was changed after payment " + payment.id() + " was added: it now costs " + cartTotal.inWords()
              + " and the payment is for " + payment.amount().inWords() + ". The next authorization changes the "
              + "payment to the cart's total and is refused, so that the customer authorizes that amount.");
    }
  }
}
