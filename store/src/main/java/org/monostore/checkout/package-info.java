/**
 * Purchase orders and the checkout across cart, payment and fulfilment; the orders' read model
 * ({@link org.monostore.checkout.OrderSummaries}) and the payments' settlement reminders.
 */
@OwnsTables({"order_summary", "order_cart_total", "payment_settlement", "order_redemption", "order_fulfillment"})
package org.monostore.checkout;

import org.monostore.platform.OwnsTables;
