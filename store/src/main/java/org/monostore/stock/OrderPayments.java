package org.monostore.stock;

import java.util.concurrent.CompletionStage;

/**
 * Whether an order holding units is paid, as the order itself says. Checkout tells the stock to hold an
 * order's units once its payment is authorized, without waiting; a message lost on the way (a node
 * that stopped in between) would leave the reservation to run out under a paid order. So a stock whose
 * reservation ran out asks the order first, and holds the units for a paid one.
 */
public interface OrderPayments {

  /**
   * True when the order's payment is authorized, or its outcome at the gateway is pending (it may have
   * been charged), and what it pays for holds the product; fails when the order did not answer in time.
   */
  CompletionStage<Boolean> paidFor(String orderId, String sku);
}
