package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.monostore.shared.Happened;

/** The order's timeline, put together from the histories its entities keep: no journal involved. */
class OrderTimelineTest {

  private static final Instant T1 = Instant.parse("2025-03-01T09:00:00.000001Z");
  private static final Instant T2 = Instant.parse("2025-03-01T09:00:00.000002Z");
  private static final Instant T3 = Instant.parse("2025-03-01T09:00:00.000003Z");

  @Test
  void theHistoriesOfTheOrderItsPaymentsAndFulfilmentsAreMergedOldestFirst() {
    List<OrderTimeline.Entry> timeline = OrderTimeline.of("order-1",
        List.of(new Happened(T1, "OrderCreated", null), new Happened(T3, "PaymentAdded", null)),
        Map.of("pay-1", List.of(new Happened(T2, "PaymentInitiated", null))),
        Map.of("ful-1", List.of(new Happened(T3, "FulfillmentCreated", "anna"))));

    assertThat(timeline).containsExactly(
        new OrderTimeline.Entry(T1, "order", "order-1", "OrderCreated", null),
        new OrderTimeline.Entry(T2, "payment", "pay-1", "PaymentInitiated", null),
        new OrderTimeline.Entry(T3, "order", "order-1", "PaymentAdded", null),
        new OrderTimeline.Entry(T3, "fulfillment", "ful-1", "FulfillmentCreated", "anna"));
  }

  @Test
  void aCustomerSeesTheShopWhereAnAdminSeesTheAdminsName() {
    OrderTimeline.Entry byAdmin = new OrderTimeline.Entry(T1, "order", "order-1", "OrderCancelled", "anna");
    OrderTimeline.Entry byCustomer = new OrderTimeline.Entry(T1, "order", "order-1", "OrderCancelled", "customer");

    assertThat(byAdmin.withoutAdminNames().by()).isEqualTo("shop");
    assertThat(byCustomer.withoutAdminNames().by()).isEqualTo("customer");
  }
}
