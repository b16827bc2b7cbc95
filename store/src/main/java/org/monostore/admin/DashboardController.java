package org.monostore.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.monostore.cart.CartSummaries;
import org.monostore.checkout.OrderStage;
import org.monostore.checkout.OrderSummaries;
import org.monostore.shared.Markets;
import org.monostore.shared.Money;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's dashboard: counts and revenue from the read models. Days and hours are UTC; revenue is the
 * amount of authorized payments of orders not cancelled, per currency (currencies are never added up).
 */
@Tag(name = "Admin: dashboard")
@RestController
@RequestMapping("/api/admin/dashboard")
class DashboardController {

  static final int DAYS = 14;

  private final CartSummaries carts;
  private final OrderSummaries orders;
  private final Map<String, BigDecimal> exchangeRates;
  private final Clock clock = Clock.systemUTC();

  DashboardController(CartSummaries carts, OrderSummaries orders, AdminSettings settings, Markets markets) {
    this.carts = carts;
    this.orders = orders;
    this.exchangeRates = ratesFor(settings.ratesByCurrency(), markets.currencyByMarket().values());
  }

  /** The rates, if each of the currencies has one above 0: the sum in a chosen currency needs them all. */
  static Map<String, BigDecimal> ratesFor(Map<String, BigDecimal> rates, Collection<String> currencies) {
    for (String currency : currencies) {
      BigDecimal rate = rates.get(currency);
      if (rate == null || rate.signum() <= 0) {
        throw new IllegalArgumentException(
            "monostore.admin.exchange-rates needs a rate above 0 for each market's currency, also for " + currency);
      }
    }
    return Map.copyOf(rates);
  }

  @Schema(name = "Dashboard")
  record Dashboard(
      @Schema(description = "Carts by status, every status present") Map<String, Long> cartsByStatus,
      @Schema(description = "Orders by status, every status present") Map<String, Long> ordersByStatus,
      @Schema(description = "Orders by where they stand (an OrderStage), every stage present")
          Map<String, Long> ordersByStage,
      @Schema(description = "Orders someone at the shop has to act on, by stage (PAYMENT_DECLINED, PAYMENT_FAILED, "
          + "PAYMENT_PENDING, PAID: paid, not yet fulfilled), every one of those stages present")
          Map<String, Long> ordersNeedingAttention,
      @Schema(description = "Open or locked carts changed in the last hour") long activeCartsLastHour,
      @Schema(description = "Authorized today (UTC), one amount per currency") List<Money> revenueToday,
      @Schema(description = "The last 14 days, oldest first, every day present") List<Day> days,
      @Schema(description = "Today (UTC) per hour and market, by hour then market; an hour and market with no "
          + "order and no revenue is absent") List<OrderSummaries.MarketHour> todayByHour,
      @Schema(description = "What one unit of each currency is worth in a common unit (monostore.admin.exchange-rates), "
          + "for adding up the markets' revenue in one currency; indicative") Map<String, BigDecimal> exchangeRates) {}

  @Schema(name = "DashboardDay")
  record Day(LocalDate day, @Schema(description = "Orders created that day") long orders,
      @Schema(description = "Authorized that day, one amount per currency") List<Money> revenue) {}

  @Operation(summary = "The dashboard's figures", description = "From the read models, a moment behind.")
  /**
   * Every figure from one snapshot of the read models: read one query after another, a projection
   * committing between them would show an order in its status but not yet in its day.
   */
  @GetMapping
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Dashboard dashboard() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant firstDay = today.minusDays(DAYS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<LocalDate, Long> ordersPerDay = orders.createdPerDay(firstDay);
    Map<LocalDate, List<Money>> revenuePerDay = orders.revenuePerDay(firstDay);
    List<Day> days = new ArrayList<>(DAYS);
    for (LocalDate day = today.minusDays(DAYS - 1); !day.isAfter(today); day = day.plusDays(1)) {
      days.add(new Day(day, ordersPerDay.getOrDefault(day, 0L), revenuePerDay.getOrDefault(day, List.of())));
    }
    Map<OrderStage, Long> byStage = orders.countsByStage();
    Map<OrderStage, Long> needingAttention = new EnumMap<>(byStage);
    needingAttention.keySet().retainAll(OrderStage.NEEDING_ATTENTION);
    return new Dashboard(byName(carts.countsByStatus()), byName(orders.countsByStatus()), byName(byStage),
        byName(needingAttention),
        carts.activeSince(now.minus(1, ChronoUnit.HOURS)), revenuePerDay.getOrDefault(today, List.of()), days,
        orders.perHourAndMarket(today.atStartOfDay(ZoneOffset.UTC).toInstant()), new TreeMap<>(exchangeRates));
  }

  private static Map<String, Long> byName(Map<? extends Enum<?>, Long> counts) {
    Map<String, Long> byName = new LinkedHashMap<>();
    counts.forEach((status, count) -> byName.put(status.name(), count));
    return byName;
  }
}
