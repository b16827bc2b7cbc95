package org.monostore.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.monostore.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's dashboard: counts and revenue from the read models. Days are UTC days; revenue is the
 * amount of authorized payments of orders not cancelled, per currency (currencies are never added up).
 */
@Tag(name = "Admin: dashboard")
@RestController
@RequestMapping("/api/admin/dashboard")
class DashboardController {

  static final int DAYS = 14;

  private final JdbcClient jdbc;
  private final Clock clock = Clock.systemUTC();

  DashboardController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Schema(name = "Dashboard")
  record Dashboard(
      @Schema(description = "Carts by status, every status present") Map<String, Long> cartsByStatus,
      @Schema(description = "Orders by status, every status present") Map<String, Long> ordersByStatus,
      @Schema(description = "Open or locked carts changed in the last hour") long activeCartsLastHour,
      @Schema(description = "Authorized today (UTC), one amount per currency") List<Money> revenueToday,
      @Schema(description = "The last 14 days, oldest first, every day present") List<Day> days) {}

  @Schema(name = "DashboardDay")
  record Day(LocalDate day, @Schema(description = "Orders created that day") long orders,
      @Schema(description = "Authorized that day, one amount per currency") List<Money> revenue) {}

  @Operation(summary = "The dashboard's figures", description = "From the read models, a moment behind.")
  @GetMapping
  Dashboard dashboard() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Timestamp firstDay = Timestamp.from(today.minusDays(DAYS - 1).atStartOfDay(ZoneOffset.UTC).toInstant());

    Map<String, Long> carts = counts("cart_summary", List.of("OPEN", "LOCKED", "CHECKED_OUT"));
    Map<String, Long> orders = counts("order_summary",
        List.of("CREATED", "CONTACT_GIVEN", "PAYMENT_ADDED", "PAYMENT_AUTHORIZED", "FULFILLMENT_CREATED", "CANCELLED"));
    long active = jdbc.sql("SELECT count(*) FROM cart_summary WHERE status IN ('OPEN', 'LOCKED') AND updated_at >= ?")
        .param(Timestamp.from(now.minus(1, ChronoUnit.HOURS))).query(Long.class).single();

    Map<LocalDate, Long> ordersPerDay = new TreeMap<>();
    jdbc.sql("""
            SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS orders FROM order_summary
            WHERE created_at >= ? GROUP BY 1""")
        .param(firstDay)
        .query((row, n) -> ordersPerDay.put(row.getObject("day", LocalDate.class), row.getLong("orders")))
        .list();
    Map<LocalDate, List<Money>> revenuePerDay = new TreeMap<>();
    jdbc.sql("""
            SELECT (authorized_at AT TIME ZONE 'UTC')::date AS day, currency, sum(total) AS revenue
            FROM order_summary WHERE authorized_at >= ? AND status <> 'CANCELLED' GROUP BY 1, 2 ORDER BY 1, 2""")
        .param(firstDay)
        .query((row, n) -> revenuePerDay.computeIfAbsent(row.getObject("day", LocalDate.class), day -> new ArrayList<>())
            .add(new Money(row.getLong("revenue"), row.getString("currency"))))
        .list();

    List<Day> days = new ArrayList<>(DAYS);
    for (LocalDate day = today.minusDays(DAYS - 1); !day.isAfter(today); day = day.plusDays(1)) {
      days.add(new Day(day, ordersPerDay.getOrDefault(day, 0L), revenuePerDay.getOrDefault(day, List.of())));
    }
    return new Dashboard(carts, orders, active, revenuePerDay.getOrDefault(today, List.of()), days);
  }

  private Map<String, Long> counts(String table, List<String> statuses) {
    Map<String, Long> counts = new LinkedHashMap<>();
    statuses.forEach(status -> counts.put(status, 0L));
    jdbc.sql("SELECT status, count(*) AS count FROM " + table + " GROUP BY status")
        .query((row, n) -> counts.put(row.getString("status"), row.getLong("count")))
        .list();
    return counts;
  }
}
