package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.monostore.checkout.OrderState.PaymentEntry;
import org.monostore.checkout.OrderState.Status;
import org.monostore.checkout.PurchaseOrder.Event;
import org.monostore.payment.Payment;
import org.monostore.payment.PaymentView;
import org.monostore.pricing.Pricing;
import org.monostore.pricing.VatRates;
import org.monostore.shared.Address;

/**
 * Every state an order can reach by its own rules, walked from creation: each has a way on for the
 * customer or an admin, or is final holding no money of the customer's with nothing due to settle it.
 * No state is a dead end in which a paid order waits for nothing.
 */
class OrderWaysOutTest {

  private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");
  private static final Pricing PRICING = Pricing.calculate("SE", "SEK",
      List.of(new Pricing.Item("MUG-000001", "Mug", "Kitchen", 2, 12_500)), List.of(), new VatRates("SE:25", ""));
  private static final Contact ANNA = new Contact("anna@example.com", "Anna", null,
      new Address("Storgatan 1", null, "Stockholm", "111 51", "SE"), null);
  private static final PaymentView.Outcome SAID = new PaymentView.Outcome("code", "words", "AUTH-1");
  private static final int MOST_PAYMENTS = 3;

  /** An order as the walk reached it, with the payments its events made due for settling. */
  private record Reached(OrderState order, Set<String> settlementsDue, List<String> path) {}

  @Test
  void everyReachableStateHasAWayOnOrHoldsNoMoneyWithoutASettlementDue() {
    Deque<Reached> toVisit = new ArrayDeque<>();
    Set<OrderState> seen = new HashSet<>();
    OrderState created = OrderState.NONE.apply(new PurchaseOrder.OrderCreated("cart-1", "SE", "SEK", "ful-1", AT));
    toVisit.add(new Reached(created, Set.of(), List.of("created")));
    Set<Status> statusesSeen = new HashSet<>();
    while (!toVisit.isEmpty()) {
      Reached reached = toVisit.poll();
      if (!seen.add(withoutHistory(reached.order()))) {
        continue;
      }
      statusesSeen.add(reached.order().status());
      List<Step> ways = waysOn(reached.order());
      OrderState order = reached.order();
      PaymentEntry holding = order.paymentToSettle();
      if (order.status() == Status.CANCELLED) {
        assertThat(holding == null || reached.settlementsDue().contains(holding.id()))
            .as("a cancelled order holding money has its settlement due: %s", reached.path()).isTrue();
      } else {
        assertThat(ways).as("a way on from %s after %s", order.status(), reached.path()).isNotEmpty();
      }
      for (Step step : ways) {
        OrderState next = order;
        Set<String> due = new HashSet<>(reached.settlementsDue());
        for (Event event : step.events()) {
          next = next.apply(event);
          if (event instanceof PurchaseOrder.PaymentSettlementDue settlement) {
            due.add(settlement.paymentId());
          }
        }
        List<String> path = new ArrayList<>(reached.path());
        path.add(step.name());
        toVisit.add(new Reached(next, Set.copyOf(due), path));
      }
    }
    assertThat(statusesSeen).containsAll(List.of(Status.values()));
  }

  private record Step(String name, List<Event> events) {}

  /** The order as its rules see it: what led to it does not change what it allows. */
  private static OrderState withoutHistory(OrderState order) {
    return new OrderState(order.cartId(), order.market(), order.currency(), order.status(), order.contact(),
        order.payments(), order.pricing(), order.fulfillmentId(), order.nextFulfillmentId(), order.paymentIdsByKey(),
        order.cancelledBy(), order.createdAt(), order.updatedAt(), List.of(), List.of());
  }

  /** What the customer, an admin, the gateway or a settlement may do next, by the order's rules. */
  private static List<Step> waysOn(OrderState order) {
    List<Step> ways = new ArrayList<>();
    if (order.refuse(OrderAction.CONTACT) == null) {
      ways.add(new Step("contact", List.of(new PurchaseOrder.ContactGiven(ContactDetails.of(ANNA), AT))));
    }
    if (order.refuse(OrderAction.ADD_PAYMENT) == null && order.payments().size() < MOST_PAYMENTS) {
      String id = "pay-" + (order.payments().size() + 1);
      ways.add(new Step("addPayment", List.of(new PurchaseOrder.PaymentAdded(id, "card", PRICING.total(),
          FixedPricing.of(PRICING), AT))));
    }
    PaymentEntry open = order.openPayment();
    if (order.refuse(OrderAction.AUTHORIZE) == null && open != null) {
      ways.add(new Step("authorized",
          List.of(new PurchaseOrder.PaymentAuthorized(open.id(), GatewayOutcome.of(SAID), null, AT))));
      ways.add(new Step("declined",
          List.of(new PurchaseOrder.PaymentDeclined(open.id(), GatewayOutcome.of(SAID), null, AT))));
      ways.add(new Step("failed",
          List.of(new PurchaseOrder.PaymentFailed(open.id(), GatewayOutcome.of(SAID), null, AT))));
      ways.add(new Step("pending",
          List.of(new PurchaseOrder.PaymentPending(open.id(), GatewayOutcome.of(SAID), null, AT))));
    }
    if (order.refuse(OrderAction.CANCEL) == null) {
      ways.add(new Step("cancel", order.cancellation("customer", AT)));
    }
    if (order.refuseAdminCancel() == null && order.status() != Status.FULFILLMENT_CREATED) {
      ways.add(new Step("adminCancel", order.cancellation("admin", AT)));
    }
    if (order.refuse(OrderAction.CREATE_FULFILLMENT) == null) {
      ways.add(new Step("createFulfillment",
          List.of(new PurchaseOrder.FulfillmentCreated(order.fulfillmentIdToCreate("order-1"), AT))));
    }
    if (order.refuseFulfillmentCancel() == null) {
      ways.add(new Step("cancelFulfillment",
          List.of(new PurchaseOrder.FulfillmentCancelled(order.fulfillmentId(), "admin", "ful-next", AT))));
      // An admin's cancel of an order with a fulfilment cancels the fulfilment first.
      ways.add(new Step("adminCancelWithFulfilment", order.cancellation("admin", AT)));
    }
    PaymentEntry settling = order.paymentToSettle();
    if (settling != null) {
      ways.add(new Step("settled", List.of(settling.status() == Payment.Status.AUTHORIZED
          ? new PurchaseOrder.PaymentReleased(settling.id(), GatewayOutcome.of(SAID), null, AT)
          : new PurchaseOrder.PaymentFailed(settling.id(), GatewayOutcome.of(SAID), null, AT))));
    }
    return ways;
  }
}
