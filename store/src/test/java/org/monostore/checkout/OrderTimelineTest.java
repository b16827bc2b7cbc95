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
        List.of(new Happened(T1, "OrderCreated", null), new Happened(T3, "PaymentAdded", null, "448.00 SEK by card")),
        Map.of("pay-1", List.of(new Happened(T2, "PaymentInitiated", null))),
        Map.of("ful-1", List.of(new Happened(T3, "FulfillmentCreated", "anna", "2 items to Stockholm"))));

    assertThat(timeline).containsExactly(
        new OrderTimeline.Entry(T1, "order", "order-1", "OrderCreated", null, null),
        new OrderTimeline.Entry(T2, "payment", "pay-1", "PaymentInitiated", null, null),
        new OrderTimeline.Entry(T3, "order", "order-1", "PaymentAdded", null, "448.00 SEK by card"),
        new OrderTimeline.Entry(T3, "fulfillment", "ful-1", "FulfillmentCreated", "anna", "2 items to Stockholm"));
  }

  @Test
  void aCustomerSeesTheShopWhereAnAdminSeesTheAdminsName() {
    OrderTimeline.Entry byAdmin = new OrderTimeline.Entry(T1, "order", "order-1", "OrderCancelled", "anna", null);
    OrderTimeline.Entry byCustomer = new OrderTimeline.Entry(T1, "order", "order-1", "OrderCancelled", "customer", null);

    assertThat(byAdmin.withoutAdminNames().by()).isEqualTo("shop");
    assertThat(byCustomer.withoutAdminNames().by()).isEqualTo("customer");
  }
}
