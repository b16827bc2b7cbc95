package org.monostore.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.payment.Payment;
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
      @Schema(description = "What happened, in the past tense", example = "PaymentAuthorized") String event) {}

  private final ActorSystem<?> system;
  private final JdbcReadJournal journal;

  OrderTimeline(ActorSystem<?> system) {
    this.system = system;
    this.journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
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
    return journal.currentEventsByPersistenceId(entityType + "|" + id, 0, Long.MAX_VALUE)
        .map((EventEnvelope envelope) -> new Entry(timeOf(envelope), source, id,
            envelope.event().getClass().getSimpleName()))
        .runWith(Sink.seq(), system)
        .toCompletableFuture();
  }

  /**
   * The event's own time: finer than the journal's milliseconds, so that an order's event and the
   * payment's event just before it keep their order.
   */
  private static Instant timeOf(EventEnvelope envelope) {
    return switch (envelope.event()) {
      case PurchaseOrder.Event event -> event.at();
      case Payment.Event event -> event.at();
      case Fulfillment.Event event -> event.at();
      default -> Instant.ofEpochMilli(envelope.timestamp());
    };
  }
}
