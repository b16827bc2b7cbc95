package org.monostore.cart;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.monostore.platform.PageRequest;
import org.monostore.platform.Projections;
import org.monostore.platform.StatusCounts;
import org.monostore.shared.Market;
import org.monostore.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cart_summary read model: the admin's list of carts and the cart figures other modules ask for,
 * a moment behind the carts themselves, which answer for any one cart exactly.
 */
@Component
public class CartSummaries {

  static final Set<String> SORTS = Set.of("updatedAt", "createdAt", "total");
  private static final Map<String, String> SORT_COLUMNS =
      Map.of("updatedAt", "c.updated_at", "createdAt", "c.created_at", "total", "c.total");

  @Schema(name = "CartSummary", description = "One cart in the admin's list")
  record CartSummary(
      String id,
      @Schema(example = "SE") String market,
      @Schema(example = "SEK") String currency,
      Cart.Status status,
      int lineCount,
      @Schema(description = "The quantities of all lines added up") int itemCount,
      @Schema(description = "The sum of the lines, VAT included") Money total,
      @Schema(description = "The email given on an order of the cart, if any", nullable = true) String email,
      @Schema(description = "The order that locked or checked out the cart", nullable = true) String orderId,
      Instant createdAt,
      @Schema(description = "The cart's last activity") Instant updatedAt) {}

  private final JdbcClient jdbc;
  private final Projections projections;

  CartSummaries(JdbcClient jdbc, Projections projections) {
    this.jdbc = jdbc;
    this.projections = projections;
  }

  /**
   * Keeps the email given on an order of the cart, for the list to show and search, in the caller's
   * transaction: the checkout's read model tells it as it projects the orders' events. The latest
   * email given on any of the cart's orders is the one kept.
   */
  public static void orderEmailGiven(Projections.Session session, String cartId, String orderId, String email,
      Instant at) throws SQLException {
    session.update("""
        INSERT INTO cart_order_email (cart_id, order_id, email, given_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (cart_id) DO UPDATE SET order_id = excluded.order_id, email = excluded.email,
          given_at = excluded.given_at
        WHERE cart_order_email.given_at <= excluded.given_at""", cartId, orderId, email, at);
  }

  /** How many carts there are of each status, every status present, in the enum's order. */
  public Map<Cart.Status, Long> countsByStatus() {
    return StatusCounts.of(Cart.Status.class, jdbc,
        "SELECT status, count(*) AS count FROM cart_summary GROUP BY status");
  }

  /** How many active carts (see {@link Cart.Status#ACTIVE}) changed at or after the instant. */
  public long activeSince(Instant since) {
    return jdbc.sql("SELECT count(*) FROM cart_summary WHERE status IN (:active) AND updated_at >= :since")
        .param("active", Cart.Status.ACTIVE.stream().map(Enum::name).toList())
        .param("since", Timestamp.from(since))
        .query(Long.class).single();
  }

  PageRequest.Page<CartSummary> find(
      List<Cart.Status> statuses, Market market, Instant changedSince, String text, PageRequest page) {
    // Counted first: when nothing is behind then, the page read after it holds every change made before.
    long behind = projections.eventsNotYetProjected(CartSummaryProjection.NAME);
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (!statuses.isEmpty()) {
      where.add("c.status IN (:statuses)");
      parameters.put("statuses", statuses.stream().map(Enum::name).toList());
    }
    if (market != null) {
      where.add("c.market = :market");
      parameters.put("market", market.code());
    }
    if (changedSince != null) {
      where.add("c.updated_at >= :changedSince");
      parameters.put("changedSince", Timestamp.from(changedSince));
    }
    if (text != null && !text.isBlank()) {
      where.add("(c.cart_id LIKE :text ESCAPE '\\' OR lower(e.email) LIKE :text ESCAPE '\\')");
      parameters.put("text", PageRequest.likePattern(text.strip().toLowerCase(Locale.ROOT)));
    }
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    String carts = "cart_summary c LEFT JOIN cart_order_email e ON e.cart_id = c.cart_id" + filter;
    long total = jdbc.sql("SELECT count(*) FROM " + carts).params(parameters).query(Long.class).single();
    // Amounts in different currencies do not compare: by total means by total within each currency.
    String order = (page.sort().equals("total") ? "c.currency, " : "") + SORT_COLUMNS.get(page.sort())
        + (page.descending() ? " DESC" : " ASC") + ", c.cart_id";
    List<CartSummary> items = jdbc.sql("SELECT c.*, e.email FROM " + carts
            + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
        .params(parameters)
        .param("limit", page.size())
        .param("offset", page.offset())
        .query(CartSummaries::summary)
        .list();
    return new PageRequest.Page<>(items, page.page(), page.size(), total, behind);
  }

  private static CartSummary summary(ResultSet row, int number) throws SQLException {
    String currency = row.getString("currency");
    return new CartSummary(row.getString("cart_id"), row.getString("market"), currency,
        Cart.Status.valueOf(row.getString("status")), row.getInt("line_count"), row.getInt("item_count"),
        new Money(row.getLong("total"), currency), row.getString("email"), row.getString("order_id"),
        row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
  }
}
