package org.monostore.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.monostore.fulfillment.FulfillmentView;
import org.monostore.pricing.Pricing;

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
    @Schema(description = "false while the cart can still change and pricing is what it holds now; true once a "
        + "payment locked the cart and fixed the amount") boolean pricingFixed,
    Pricing pricing,
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
    Instant updatedAt) {}
