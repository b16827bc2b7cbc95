package org.monostore.promotion;

import java.util.concurrent.CompletionStage;

/**
 * What became of an order that holds a use, as the order itself says. Checkout tells a promotion and
 * a code when an order's use is kept or given back, without waiting; a message lost on the way (a node
 * that stopped in between) would leave the use reserved for good. So a promotion or code whose use has
 * been reserved for long asks the order, and keeps or gives back the use by its answer.
 */
public interface OrderOutcomes {

  enum Outcome {
    /** The order's payment is authorized: the use is kept. */
    PAID,
    /** A payment of the order is still open: the use stays reserved. */
    PAYING,
    /** The order was cancelled, its payment declined or failed, or there is no such order: the use is given back. */
    NOT_PAID
  }

  /** The order's outcome; failed when the order did not answer in time. */
  CompletionStage<Outcome> of(String orderId);
}
