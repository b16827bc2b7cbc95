package org.monostore.benchmarks.server;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * THE BASELINE, NOT THE STORE: stock as a team would keep it without actors. Every reservation is a
 * transaction that locks the product's stock row (SELECT ... FOR UPDATE), checks what is left, records
 * the reservation, updates the count and commits. Kept in the benchmark module to measure the store's
 * stock entities against; never used by the store.
 */
@Repository
class JdbcStocks {

  private final JdbcClient jdbc;

  JdbcStocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
    jdbc.sql("""
        CREATE TABLE IF NOT EXISTS baseline_stock (
          sku VARCHAR(32) PRIMARY KEY, on_hand BIGINT NOT NULL, reserved BIGINT NOT NULL);
        CREATE TABLE IF NOT EXISTS baseline_stock_reservations (
          order_id UUID NOT NULL, sku VARCHAR(32) NOT NULL REFERENCES baseline_stock (sku),
          quantity BIGINT NOT NULL, reserved_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (order_id, sku));
        """).update();
  }

  @Transactional
  void receive(String sku, long quantity) {
    jdbc.sql("""
        INSERT INTO baseline_stock (sku, on_hand, reserved) VALUES (?, ?, 0)
        ON CONFLICT (sku) DO UPDATE SET on_hand = baseline_stock.on_hand + excluded.on_hand""")
        .params(sku, quantity).update();
  }

  /** What is left after the reservation, or -1 - what is available when it is refused. */
  @Transactional
  long reserve(String sku, UUID orderId, long quantity) {
    long[] stock = jdbc.sql("SELECT on_hand, reserved FROM baseline_stock WHERE sku = ? FOR UPDATE")
        .param(sku)
        .query((rs, row) -> new long[] {rs.getLong("on_hand"), rs.getLong("reserved")})
        .optional()
        .orElse(new long[] {0, 0});
    long available = stock[0] - stock[1];
    if (quantity > available) {
      return -1 - available;
    }
    jdbc.sql("INSERT INTO baseline_stock_reservations (order_id, sku, quantity) VALUES (?, ?, ?)")
        .params(orderId, sku, quantity).update();
    jdbc.sql("UPDATE baseline_stock SET reserved = reserved + ? WHERE sku = ?").params(quantity, sku).update();
    return available - quantity;
  }
}
