package org.monostore.benchmarks.server;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * THE BASELINE, NOT THE STORE: the cart a team would build without actors. Every request is a
 * transaction that locks the cart's row, reads its lines and the product's price, changes the rows and
 * commits. Kept in the benchmark module to measure the store against; never used by the store.
 */
@Repository
class JdbcCarts {

  record Line(String sku, String name, int quantity, long unitPrice) {}

  record Cart(UUID id, String market, String currency, List<Line> lines) {}

  private final JdbcClient jdbc;

  JdbcCarts(JdbcClient jdbc) {
    this.jdbc = jdbc;
    jdbc.sql("""
        CREATE TABLE IF NOT EXISTS baseline_carts (
          id UUID PRIMARY KEY, market CHAR(2) NOT NULL, currency CHAR(3) NOT NULL,
          created_at TIMESTAMPTZ NOT NULL DEFAULT now(), updated_at TIMESTAMPTZ NOT NULL DEFAULT now());
        CREATE TABLE IF NOT EXISTS baseline_cart_lines (
          cart_id UUID NOT NULL REFERENCES baseline_carts (id), sku VARCHAR(32) NOT NULL,
          name VARCHAR(200) NOT NULL, quantity INT NOT NULL, unit_price BIGINT NOT NULL,
          position BIGSERIAL, PRIMARY KEY (cart_id, sku));
        """).update();
  }

  @Transactional
  Cart create(String market, String currency) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO baseline_carts (id, market, currency) VALUES (?, ?, ?)")
        .params(id, market, currency).update();
    return new Cart(id, market, currency, List.of());
  }

  @Transactional(readOnly = true)
  Optional<Cart> find(UUID id) {
    return header(id, false).map(cart -> withLines(cart));
  }

  /** Adds to the SKU's line, creating it if needed; empty if the cart or the product is unknown. */
  @Transactional
  Optional<Cart> changeQuantity(UUID id, String sku, int delta) {
    Optional<Cart> locked = header(id, true);
    if (locked.isEmpty()) {
      return Optional.empty();
    }
    Cart cart = withLines(locked.get());
    Optional<Line> product = jdbc.sql("""
            SELECT p.name, pp.amount FROM products p JOIN product_prices pp ON pp.sku = p.sku
            WHERE p.sku = ? AND pp.market = ?""")
        .params(sku, cart.market())
        .query((rs, row) -> new Line(sku, rs.getString("name"), 0, rs.getLong("amount")))
        .optional();
    if (product.isEmpty()) {
      return Optional.empty();
    }
    int current = cart.lines().stream().filter(l -> l.sku().equals(sku)).mapToInt(Line::quantity).sum();
    int quantity = current + delta;
    if (quantity <= 0) {
      jdbc.sql("DELETE FROM baseline_cart_lines WHERE cart_id = ? AND sku = ?").params(id, sku).update();
    } else if (current == 0) {
      jdbc.sql("INSERT INTO baseline_cart_lines (cart_id, sku, name, quantity, unit_price) VALUES (?, ?, ?, ?, ?)")
          .params(id, sku, product.get().name(), quantity, product.get().unitPrice()).update();
    } else {
      jdbc.sql("UPDATE baseline_cart_lines SET quantity = ?, unit_price = ? WHERE cart_id = ? AND sku = ?")
          .params(quantity, product.get().unitPrice(), id, sku).update();
    }
    jdbc.sql("UPDATE baseline_carts SET updated_at = now() WHERE id = ?").param(id).update();
    return Optional.of(withLines(cart));
  }

  @Transactional
  Optional<Cart> remove(UUID id, String sku) {
    Optional<Cart> locked = header(id, true);
    locked.ifPresent(cart -> {
      jdbc.sql("DELETE FROM baseline_cart_lines WHERE cart_id = ? AND sku = ?").params(id, sku).update();
      jdbc.sql("UPDATE baseline_carts SET updated_at = now() WHERE id = ?").param(id).update();
    });
    return locked.map(this::withLines);
  }

  private Optional<Cart> header(UUID id, boolean forUpdate) {
    return jdbc.sql("SELECT market, currency FROM baseline_carts WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))
        .param(id)
        .query((rs, row) -> new Cart(id, rs.getString("market"), rs.getString("currency"), List.of()))
        .optional();
  }

  private Cart withLines(Cart cart) {
    List<Line> lines = jdbc.sql(
            "SELECT sku, name, quantity, unit_price FROM baseline_cart_lines WHERE cart_id = ? ORDER BY position")
        .param(cart.id())
        .query((rs, row) -> new Line(rs.getString("sku"), rs.getString("name"), rs.getInt("quantity"),
            rs.getLong("unit_price")))
        .list();
    return new Cart(cart.id(), cart.market(), cart.currency(), lines);
  }
}
