package org.monostore.checkout;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.payment.Payment;
import org.monostore.platform.PageRequest;
import org.monostore.platform.Projections;
import org.monostore.platform.StatusCounts;
import org.monostore.shared.Market;
import org.monostore.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The order_summary read model: the admin's list of orders and the order figures other modules ask
 * for, a moment behind the orders themselves, which answer for any one order exactly.
 */
@Component
public class OrderSummaries {

  static final Set<String> SORTS = Set.of("updatedAt", "createdAt", "total");
  private static final Map<String, String> SORT_COLUMNS =
      Map.of("updatedAt", "o.updated_at", "createdAt", "o.created_at", "total", "amount");

  @Schema(name = "OrderSummary", description = "One order in the admin's list")
  record OrderSummary(
      String id,
      String cartId,
      @Schema(example = "SE") String market,
      @Schema(example = "SEK") String currency,
      OrderState.Status status,
      OrderStage stage,
      @Schema(description = "The latest payment's status; null before a payment is added", nullable = true)
          Payment.Status paymentStatus,
      @Schema(description = "The live fulfilment's status; null without one (none yet, or the last one was "
          + "cancelled)", nullable = true) Fulfillment.Status fulfillmentStatus,
      @Schema(description = "Null until the contact is given", nullable = true) String email,
      @Schema(description = "Null until the contact is given", nullable = true) String name,
      @Schema(description = "The fixed amount once a payment is added; the cart's total before", nullable = true)
          Money total,
      Instant createdAt,
      Instant updatedAt) {}

  /** Each order with its live fulfilment's row, if it has one yet. */
  private static final String FROM =
      " FROM order_summary o LEFT JOIN order_fulfillment f ON f.fulfillment_id = o.fulfillment_id";

  private final JdbcClient jdbc;
  private final Projections projections;

  OrderSummaries(JdbcClient jdbc, Projections projections) {
    this.jdbc = jdbc;
    this.projections = projections;
  }

  /** How many orders there are of each status, every status present, in the enum's order. */
  public Map<OrderState.Status, Long> countsByStatus() {
    return StatusCounts.of(OrderState.Status.class, jdbc,
        "SELECT status, count(*) AS count FROM order_summary GROUP BY status");
  }

  /** Orders created per UTC day, from the day the instant falls on; days with none are absent. */
  public Map<LocalDate, Long> createdPerDay(Instant from) {
    Map<LocalDate, Long> perDay = new TreeMap<>();
    jdbc.sql("""
            SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS orders FROM order_summary
            WHERE created_at >= ? GROUP BY 1""")
        .param(Timestamp.from(from))
        .query((row, n) -> perDay.put(row.getObject("day", LocalDate.class), row.getLong("orders")))
        .list();
    return perDay;
  }

  /**
   * Revenue per UTC day from the instant on: the amounts of the payments authorized that day of orders
   * not cancelled, one per currency (currencies are never added up); days with none are absent.
   */
  public Map<LocalDate, List<Money>> revenuePerDay(Instant from) {
    Map<LocalDate, List<Money>> perDay = new TreeMap<>();
    jdbc.sql("""
            SELECT (authorized_at AT TIME ZONE 'UTC')::date AS day, currency, sum(total) AS revenue
            FROM order_summary WHERE authorized_at >= ? AND status <> ? GROUP BY 1, 2 ORDER BY 1, 2""")
        .param(Timestamp.from(from))
        .param(OrderState.Status.CANCELLED.name())
        .query((row, n) -> perDay.computeIfAbsent(row.getObject("day", LocalDate.class), day -> new ArrayList<>())
            .add(new Money(row.getLong("revenue"), row.getString("currency"))))
        .list();
    return perDay;
  }

  @Schema(name = "DashboardHour", description = "One market's orders and revenue in one UTC hour")
  public record MarketHour(
      @Schema(description = "The hour of the UTC day, 0 to 23") int hour,
      @Schema(example = "SE") String market,
      @Schema(description = "Orders created in the hour") long orders,
      @Schema(description = "Authorized in the hour, of orders not cancelled, in the market's currency") Money revenue) {}

  /**
   * Per UTC hour from the instant on (a day's worth) and per market: the orders created and the revenue
   * authorized; an hour and market with neither is absent. By hour, then market.
   */
  public List<MarketHour> perHourAndMarket(Instant from) {
    Map<String, MarketHour> byHourAndMarket = new TreeMap<>();
    jdbc.sql("""
            SELECT extract(hour FROM created_at AT TIME ZONE 'UTC')::int AS hour, market, currency, count(*) AS orders
            FROM order_summary WHERE created_at >= ? GROUP BY 1, 2, 3""")
        .param(Timestamp.from(from))
        .query((row, n) -> byHourAndMarket.merge(key(row), new MarketHour(row.getInt("hour"), row.getString("market"),
            row.getLong("orders"), new Money(0, row.getString("currency"))), OrderSummaries::together))
        .list();
    jdbc.sql("""
            SELECT extract(hour FROM authorized_at AT TIME ZONE 'UTC')::int AS hour, market, currency,
              sum(total) AS revenue
            FROM order_summary WHERE authorized_at >= ? AND status <> ? GROUP BY 1, 2, 3""")
        .param(Timestamp.from(from))
        .param(OrderState.Status.CANCELLED.name())
        .query((row, n) -> byHourAndMarket.merge(key(row), new MarketHour(row.getInt("hour"), row.getString("market"),
            0, new Money(row.getLong("revenue"), row.getString("currency"))), OrderSummaries::together))
        .list();
    return List.copyOf(byHourAndMarket.values());
  }

  private static String key(ResultSet row) throws SQLException {
    return "%02d %s".formatted(row.getInt("hour"), row.getString("market"));
  }

  private static MarketHour together(MarketHour one, MarketHour other) {
    return new MarketHour(one.hour(), one.market(), one.orders() + other.orders(), one.revenue().plus(other.revenue()));
  }

  /** How many orders there are at each stage, every stage present, in the enum's order. */
  public Map<OrderStage, Long> countsByStage() {
    return StatusCounts.of(OrderStage.class, jdbc, "SELECT " + OrderStage.SQL + " AS status, count(*) AS count"
        + FROM + " GROUP BY 1");
  }

  PageRequest.Page<OrderSummary> find(List<OrderState.Status> statuses, List<OrderStage> stages, Market market,
      Instant changedSince, String text, PageRequest page) {
    // Counted first: when nothing is behind then, the page read after it holds every change made before.
    long behind = projections.eventsNotYetProjected(OrderSummaryProjection.NAME)
        + projections.eventsNotYetProjected(OrderFulfillmentProjection.NAME);
    List<String> where = new ArrayList<>();
    Map<String, Object> parameters = new HashMap<>();
    if (!statuses.isEmpty()) {
      where.add("o.status IN (:statuses)");
      parameters.put("statuses", statuses.stream().map(Enum::name).toList());
    }
    if (!stages.isEmpty()) {
      where.add(OrderStage.SQL + " IN (:stages)");
      parameters.put("stages", stages.stream().map(Enum::name).toList());
    }
    if (market != null) {
      where.add("o.market = :market");
      parameters.put("market", market.code());
    }
    if (changedSince != null) {
      where.add("o.updated_at >= :changedSince");
      parameters.put("changedSince", Timestamp.from(changedSince));
    }
    if (text != null && !text.isBlank()) {
      where.add("(o.order_id LIKE :text ESCAPE '\\' OR lower(o.email) LIKE :text ESCAPE '\\')");
      parameters.put("text", PageRequest.likePattern(text.strip().toLowerCase(Locale.ROOT)));
    }
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    long total = jdbc.sql("SELECT count(*)" + FROM + filter).params(parameters)
        .query(Long.class).single();
    // Amounts in different currencies do not compare: by total means by total within each currency.
    String order = (page.sort().equals("total") ? "o.currency, " : "") + SORT_COLUMNS.get(page.sort())
        + (page.descending() ? " DESC NULLS LAST" : " ASC NULLS FIRST") + ", o.order_id";
    // Before a payment fixes it, an order costs what its cart holds now.
    List<OrderSummary> items = jdbc.sql("""
            SELECT o.order_id, o.cart_id, o.market, o.currency, o.status, o.payment_status, f.status AS fulfillment,
              o.email, o.name, o.created_at, o.updated_at, coalesce(o.total, c.total) AS amount
            """ + FROM + " LEFT JOIN order_cart_total c ON c.cart_id = o.cart_id" + filter
            + " ORDER BY " + order + " LIMIT :limit OFFSET :offset")
        .params(parameters)
        .param("limit", page.size())
        .param("offset", page.offset())
        .query(OrderSummaries::summary)
        .list();
    return new PageRequest.Page<>(items, page.page(), page.size(), total, behind);
  }

  private static <T> T nullOr(String name, Function<String, T> valueOf) {
    return name == null ? null : valueOf.apply(name);
  }

  private static OrderSummary summary(ResultSet row, int number) throws SQLException {
    String currency = row.getString("currency");
    long amount = row.getLong("amount");
    Money total = row.wasNull() ? null : new Money(amount, currency);
    OrderState.Status status = OrderState.Status.valueOf(row.getString("status"));
    Payment.Status payment = nullOr(row.getString("payment_status"), Payment.Status::valueOf);
    // A fulfilment created but not yet in order_fulfillment is to be picked.
    Fulfillment.Status fulfillment = status == OrderState.Status.FULFILLMENT_CREATED
        ? Objects.requireNonNullElse(nullOr(row.getString("fulfillment"), Fulfillment.Status::valueOf),
            Fulfillment.Status.CREATED)
        : null;
    return new OrderSummary(row.getString("order_id"), row.getString("cart_id"), row.getString("market"), currency,
        status, OrderStage.of(status, payment, fulfillment), payment, fulfillment, row.getString("email"),
        row.getString("name"), total,
        row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
  }
}
