package org.monostore.checkout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.monostore.platform.Projections;
import org.monostore.platform.ReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drives every payment that may hold a customer's money to an end, however long it takes: the durable
 * timer of checkout. Its reminders are rows kept from the journal ({@link PaymentSettlementProjection}),
 * so they survive an order going to sleep, a restart and the loss of a node. Every node looks for due
 * reminders; a row is taken by one node at a time (SKIP LOCKED), its order is told to settle, and the
 * next reminder is set further out each time, up to {@link #LONGEST_WAIT}, until an event settles it.
 */
@Component
class PaymentSettlements implements ReadModel {

  private static final Logger log = LoggerFactory.getLogger(PaymentSettlements.class);
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(30);
  private static final int PER_ROUND = 200;

  private final ClusterSharding sharding;
  private final DataSource dataSource;
  private final Projections projections;
  private final Duration interval;
  private final Thread.Builder reminders = Thread.ofVirtual().name("payment-settlements");
  private volatile Thread running;

  PaymentSettlements(
      ClusterSharding sharding,
      DataSource dataSource,
      Projections projections,
      CheckoutSettings settings) {
    this.sharding = sharding;
    this.dataSource = dataSource;
    this.projections = projections;
    this.interval = settings.settlementInterval();
  }

  @Override
  public void start() {
    PaymentSettlementProjection.start(projections, interval);
  }

  @EventListener(ApplicationReadyEvent.class)
  void remind() {
    running = reminders.start(this::remindUntilStopped);
  }

  @EventListener(ContextClosedEvent.class)
  void stop() {
    Thread thread = running;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void remindUntilStopped() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(interval);
        dueOrders().forEach(orderId ->
            sharding.entityRefFor(PurchaseOrder.ENTITY_KEY, orderId).tell(new PurchaseOrder.SettlePayment()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (SQLException | RuntimeException e) {
        log.warn("Payment settlement reminders could not be read; trying again in {}: {}", interval, e.toString());
      }
    }
  }

  /** Takes the due reminders and sets each one's next time, in one transaction. */
  private List<String> dueOrders() throws SQLException {
    List<String> due = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement take = connection.prepareStatement("""
              UPDATE payment_settlement s SET attempts = s.attempts + 1,
                due_at = now() + least(?::interval * power(2, s.attempts), ?::interval)
              WHERE s.order_id IN (SELECT order_id FROM payment_settlement WHERE due_at <= now()
                ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED)
              RETURNING s.order_id""")) {
        take.setString(1, interval.toMillis() + " milliseconds");
        take.setString(2, LONGEST_WAIT.toMillis() + " milliseconds");
        take.setInt(3, PER_ROUND);
        try (ResultSet rows = take.executeQuery()) {
          while (rows.next()) {
            due.add(rows.getString(1));
          }
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      }
    }
    return due;
  }
}
