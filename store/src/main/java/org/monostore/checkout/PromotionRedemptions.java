package org.monostore.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.monostore.platform.PageRequest;
import org.monostore.platform.Projections;
import org.monostore.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order_redemption read model: which orders a promotion priced, and what became of each one's use,
 * a moment behind the orders. It holds every promotion's, with limits or without.
 */
@Component
class PromotionRedemptions {

  /** What became of an order's use of a promotion. */
  enum UseStatus {
    /** The order's payment is added and not yet authorized. */
    RESERVED,
    /** The payment is authorized: the use counts for good. */
    KEPT,
    /** The payment was declined or failed, or the order cancelled: the use was given back. */
    GIVEN_BACK
  }

  @Schema(name = "Redemption", description = "One order's use of a promotion")
  record OrderRedemption(
      String orderId,
      @Schema(description = "The code entered; null for an automatic promotion", nullable = true) String code,
      @Schema(description = "The order's contact email", nullable = true) String email,
      UseStatus status,
      @Schema(description = "What the promotion took off the order, VAT included") Money amount,
      Instant updatedAt) {}

  @Schema(name = "PromotionRedemptions", description = "The orders a promotion priced, newest change first")
  record Redemptions(
      String promotionId,
      @Schema(description = "Orders by what became of their use, every status present") Map<UseStatus, Long> counts,
      @Schema(description = "What the kept uses took off, one amount per currency") List<Money> discounted,
      List<OrderRedemption> items,
      int page,
      int size,
      @Schema(description = "How many orders match on all pages") long total,
      @Schema(description = "Changes made but not yet in this list (the read model's lag, in events)") long behind) {}

  private final JdbcClient jdbc;
  private final Projections projections;

  PromotionRedemptions(JdbcClient jdbc, Projections projections) {
    this.jdbc = jdbc;
    this.projections = projections;
  }

  Redemptions of(String promotionId, List<UseStatus> statuses, PageRequest page) {
    // Counted first: when nothing is behind then, what is read after it holds every change made before.
    long behind = projections.eventsNotYetProjected(OrderSummaryProjection.NAME);
    Map<UseStatus, Long> counts = new EnumMap<>(UseStatus.class);
    for (UseStatus status : UseStatus.values()) {
      counts.put(status, 0L);
    }
    jdbc.sql("SELECT status, count(*) AS count FROM order_redemption WHERE promotion_id = ? GROUP BY status")
        .param(promotionId)
        .query((row, n) -> counts.put(UseStatus.valueOf(row.getString("status")), row.getLong("count")))
        .list();
    List<Money> discounted = new ArrayList<>();
    jdbc.sql("""
            SELECT o.currency, sum(r.amount) AS amount FROM order_redemption r
            JOIN order_summary o ON o.order_id = r.order_id
            WHERE r.promotion_id = ? AND r.status = 'KEPT' GROUP BY o.currency ORDER BY o.currency""")
        .param(promotionId)
        .query((row, n) -> discounted.add(new Money(row.getLong("amount"), row.getString("currency"))))
        .list();
    List<String> names = (statuses.isEmpty() ? List.of(UseStatus.values()) : statuses).stream()
        .map(Enum::name).toList();
    long total = names.stream().mapToLong(name -> counts.get(UseStatus.valueOf(name))).sum();
    List<OrderRedemption> items = jdbc.sql("""
            SELECT r.order_id, r.code, o.email, r.status, r.amount, o.currency, r.updated_at
            FROM order_redemption r JOIN order_summary o ON o.order_id = r.order_id
            WHERE r.promotion_id = :promotion AND r.status IN (:statuses)
            ORDER BY r.updated_at DESC, r.order_id LIMIT :limit OFFSET :offset""")
        .param("promotion", promotionId)
        .param("statuses", names)
        .param("limit", page.size())
        .param("offset", page.offset())
        .query(PromotionRedemptions::redemption)
        .list();
    return new Redemptions(promotionId, counts, discounted, items, page.page(), page.size(), total, behind);
  }

  private static OrderRedemption redemption(ResultSet row, int number) throws SQLException {
    return new OrderRedemption(row.getString("order_id"), row.getString("code"), row.getString("email"),
        UseStatus.valueOf(row.getString("status")), new Money(row.getLong("amount"), row.getString("currency")),
        row.getTimestamp("updated_at").toInstant());
  }
}
