package org.monostore.promotion;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.monostore.promotion.PromotionState.Use;

/**
 * How a promotion or a code settles a use that stayed reserved ({@link OrderOutcomes}): every {@code
 * after} it asks the orders whose use was reserved more than {@code after} ago, a few at a time, and
 * each answer comes back to it as a message naming the reservation it is about.
 */
record ReservedUseCheck(OrderOutcomes orders, Duration after) {

  private static final int AT_A_TIME = 20;

  /** The message that brings an order's answer back to its promotion or code. */
  interface Learned<C> {
    C of(String orderId, Instant reservedAt, OrderOutcomes.Outcome outcome);
  }

  <C> void askOrders(Map<String, Use> uses, ActorContext<C> context, Learned<C> learned) {
    for (var stale : UseLimits.reservedBefore(uses, Instant.now().minus(after), AT_A_TIME)) {
      String orderId = stale.getKey();
      Instant reservedAt = stale.getValue().reservedAt();
      context.pipeToSelf(orders.of(orderId),
          (outcome, failure) -> learned.of(orderId, reservedAt, failure == null ? outcome : null));
    }
  }

  /**
   * Whether the answer is about the use the order holds now: the same reservation, still not kept. A
   * use given back and reserved again while the order answered is a newer one, which it did not see.
   */
  static boolean answers(Map<String, Use> uses, String orderId, Instant reservedAt) {
    Use use = uses.get(orderId);
    return use != null && !use.kept() && Objects.equals(use.reservedAt(), reservedAt);
  }
}
