package org.monostore.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.monostore.shared.Happened;

/**
 * What happened to an order: its own events and those of its payments and its fulfilments, in the
 * order they happened. Each entity keeps its own history in its state, so a timeline costs no read of
 * the journal, however long the order's history.
 */
final class OrderTimeline {

  @Schema(name = "TimelineEntry", description = "One event of the order, a payment or the fulfilment")
  record Entry(
      @Schema(description = "When it happened") Instant at,
      @Schema(description = "order, payment or fulfillment", example = "payment") String source,
      @Schema(description = "The id of the order, payment or fulfilment") String sourceId,
      @Schema(description = "What happened, in the past tense", example = "PaymentAuthorized") String event,
      @Schema(description = "Who did it, where the event records it: customer, or for an admin's change the "
          + "admin's name (shop in the customer's view); null where the event does not say", nullable = true) String by,
      @Schema(description = "What it was about, in short: an amount, what the gateway said, a tracking number",
          example = "Insufficient funds", nullable = true) String detail) {

    Entry withoutAdminNames() {
      return new Entry(at, source, sourceId, event, withoutAdminName(by), detail);
    }
  }

  static final String CUSTOMER = "customer";

  private OrderTimeline() {}

  /** What a customer sees of who made a change: themselves, or the shop. */
  static String withoutAdminName(String by) {
    return by == null || by.equals(CUSTOMER) ? by : "shop";
  }

  /**
   * The entries of the order's history and of its payments' and fulfilments' histories, by id, oldest
   * first. The sort is stable: entries of one time keep the order in which they were recorded.
   */
  static List<Entry> of(
      String orderId, List<Happened> order, Map<String, List<Happened>> payments,
      Map<String, List<Happened>> fulfillments) {
    List<Entry> entries = new ArrayList<>();
    order.forEach(happened -> entries.add(entry("order", orderId, happened)));
    payments.forEach((id, history) -> history.forEach(happened -> entries.add(entry("payment", id, happened))));
    fulfillments.forEach((id, history) ->
        history.forEach(happened -> entries.add(entry("fulfillment", id, happened))));
    entries.sort(Comparator.comparing(Entry::at));
    return List.copyOf(entries);
  }

  private static Entry entry(String source, String id, Happened happened) {
    return new Entry(happened.at(), source, id, happened.event(), happened.by(), happened.detail());
  }
}
