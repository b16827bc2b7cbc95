package org.monostore.checkout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.fulfillment.FulfillmentView;
import org.monostore.fulfillment.Fulfillments;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cancelling a fulfilment goes through its order, so that the order never waits for a parcel that is
 * not coming: the paid order may be fulfilled again, or cancelled with its payment given back.
 */
@Tag(name = "Fulfilment")
@RestController
class FulfillmentCancellationController {

  private final Orders orders;
  private final Fulfillments fulfillments;

  FulfillmentCancellationController(Orders orders, Fulfillments fulfillments) {
    this.orders = orders;
    this.fulfillments = fulfillments;
  }

  @Operation(summary = "Cancel the fulfilment", description = "Allowed when CREATED or PICKED, not once shipped. "
      + "The order is then PAYMENT_AUTHORIZED again: it can be fulfilled anew, or cancelled by an admin, which "
      + "releases the payment.")
  @PostMapping("/api/fulfillments/{fulfillmentId}/cancel")
  FulfillmentView cancel(@PathVariable String fulfillmentId, Principal admin) {
    String orderId = fulfillments.get(fulfillmentId).orderId();
    boolean ordersCurrent =
        orders.find(orderId).map(order -> fulfillmentId.equals(order.fulfillmentId())).orElse(false);
    if (!ordersCurrent) {
      // One its order has done with (cancelled before), or without an order: its own rules answer.
      return fulfillments.takeByAdmin(fulfillmentId, admin.getName(), Fulfillment.Cancel::new);
    }
    orders.ask(orderId, replyTo -> new PurchaseOrder.CancelFulfillment(admin.getName(), replyTo));
    return fulfillments.get(fulfillmentId);
  }
}
