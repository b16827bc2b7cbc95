package org.monostore.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.payment.Payment;
import org.monostore.platform.Journal;
import org.springframework.stereotype.Component;

/**
 * What happened to an order, read from the journal: the order's own events and those of its payments
 * and its fulfilment, in the order they were written.
 */
@Component
class OrderTimeline {

  @Schema(name = "TimelineEntry", description = "One event of the order, a payment or the fulfilment")
  record Entry(
      @Schema(description = "When it happened") Instant at,
      @Schema(description = "order, payment or fulfillment", example = "payment") String source,
      @Schema(description = "The id of the order, payment or fulfilment") String sourceId,
      @Schema(description = "What happened, in the past tense", example = "PaymentAuthorized") String event,
      @Schema(description = "Who did it, where the event records it: customer, or for an admin's change the "
          + "admin's name (shop in the customer's view); null where the event does not say", nullable = true) String by) {

    Entry withoutAdminNames() {
      return new Entry(at, source, sourceId, event, withoutAdminName(by));
    }
  }

  static final String CUSTOMER = "customer";

  /** What a customer sees of who made a change: themselves, or the shop. */
  static String withoutAdminName(String by) {
    return by == null || by.equals(CUSTOMER) ? by : "shop";
  }

  private final Journal journal;

  OrderTimeline(Journal journal) {
    this.journal = journal;
  }

  List<Entry> of(String orderId, OrderState order) {
    List<CompletableFuture<List<Entry>>> reads = new ArrayList<>();
    reads.add(read("order", PurchaseOrder.ENTITY_KEY.name(), orderId));
    order.payments().forEach(payment -> reads.add(read("payment", Payment.ENTITY_KEY.name(), payment.id())));
    if (order.fulfillmentId() != null) {
      reads.add(read("fulfillment", Fulfillment.ENTITY_KEY.name(), order.fulfillmentId()));
    }
    return reads.stream()
        .flatMap(read -> read.join().stream())
        .sorted(Comparator.comparing(Entry::at))
        .toList();
  }

  private CompletableFuture<List<Entry>> read(String source, String entityType, String id) {
    return journal.events(entityType, id).thenApply(events -> events.stream()
        .map(event -> new Entry(timeOf(event), source, id, event.getClass().getSimpleName(), byOf(event)))
        .toList());
  }

  /** Who made the change, where the event says: an admin, or the customer. */
  private static String byOf(Object event) {
    return switch (event) {
      case PurchaseOrder.OrderCancelled cancelled -> cancelled.by();
      case PurchaseOrder.FulfillmentCancelled cancelled -> cancelled.by();
      case PurchaseOrder.OrderEditedByAdmin edited -> edited.admin();
      case Fulfillment.FulfillmentEditedByAdmin edited -> edited.admin();
      default -> null;
    };
  }

  /**
   * The event's own time: finer than the journal's milliseconds, so that an order's event and the
   * payment's event just before it keep their order.
   */
  private static Instant timeOf(Object event) {
    return switch (event) {
      case PurchaseOrder.Event orderEvent -> orderEvent.at();
      case Payment.Event paymentEvent -> paymentEvent.at();
      case Fulfillment.Event fulfillmentEvent -> fulfillmentEvent.at();
      default -> throw new IllegalArgumentException("Not an event of an order: " + event.getClass());
    };
  }
}
