package org.monostore.checkout;

import java.util.List;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.platform.CommittedEvents;
import org.monostore.platform.Projections;
import org.monostore.platform.ReadModel;
import org.springframework.stereotype.Component;

/**
 * Keeps the order_fulfillment table from fulfilment events: each fulfilment's status, so the admin's
 * list of orders says whether a paid order is picked, shipped or delivered. The order's own events
 * say which fulfilment is its live one (order_summary.fulfillment_id); the two projections run apart,
 * so the list joins them as it reads.
 */
@Component
class OrderFulfillmentProjection implements ReadModel {

  static final String NAME = "order-fulfillment";

  private final Projections projections;

  OrderFulfillmentProjection(Projections projections) {
    this.projections = projections;
  }

  @Override
  public void start() {
    projections.<Fulfillment.Event>start(NAME, Fulfillment.ENTITY_KEY, Handler::new);
  }

  static final class Handler
      extends JdbcHandler<List<CommittedEvents.Entry<Fulfillment.Event>>, Projections.Session> {

    @Override
    public void process(Projections.Session session, List<CommittedEvents.Entry<Fulfillment.Event>> entries)
        throws Exception {
      for (CommittedEvents.Entry<Fulfillment.Event> entry : entries) {
        String fulfillmentId = entry.entityId();
        switch (entry.event()) {
          case Fulfillment.FulfillmentCreated created -> session.update("""
              INSERT INTO order_fulfillment (fulfillment_id, order_id, status, updated_at) VALUES (?, ?, 'CREATED', ?)
              ON CONFLICT (fulfillment_id) DO NOTHING""", fulfillmentId, created.orderId(), created.at());
          case Fulfillment.ItemsPicked picked -> status(session, fulfillmentId, Fulfillment.Status.PICKED, picked);
          case Fulfillment.ParcelShipped shipped -> status(session, fulfillmentId, Fulfillment.Status.SHIPPED, shipped);
          case Fulfillment.ParcelDelivered delivered ->
              status(session, fulfillmentId, Fulfillment.Status.DELIVERED, delivered);
          case Fulfillment.FulfillmentCancelled cancelled ->
              status(session, fulfillmentId, Fulfillment.Status.CANCELLED, cancelled);
          case Fulfillment.FulfillmentEditedByAdmin marker -> { }
        }
      }
    }

    private static void status(
        Projections.Session session, String fulfillmentId, Fulfillment.Status status, Fulfillment.Event event)
        throws Exception {
      session.update("UPDATE order_fulfillment SET status = ?, updated_at = ? WHERE fulfillment_id = ?",
          status.name(), event.at(), fulfillmentId);
    }
  }
}
