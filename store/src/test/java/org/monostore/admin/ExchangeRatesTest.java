package org.monostore.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard adds the markets' revenue up only by a rate for each market's currency. */
class ExchangeRatesTest {

  private static Map<String, BigDecimal> rates(String setting) {
    return new AdminSettings("admin", "", new AdminSettings.SignIn(5, Duration.ofMinutes(15)), setting)
        .ratesByCurrency();
  }

  @Test
  void theSettingGivesEachCurrencyItsRate() {
    assertThat(rates("EUR=1,SEK=0.091"))
        .containsExactly(Map.entry("EUR", new BigDecimal("1")), Map.entry("SEK", new BigDecimal("0.091")));
  }

  @Test
  void aMarketsCurrencyWithoutARateAboveZeroIsRefusedNamingIt() {
    assertThatThrownBy(() -> DashboardController.ratesFor(rates("EUR=1,SEK=0.091"), List.of("SEK", "NOK")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("also for NOK");
    assertThatThrownBy(() -> DashboardController.ratesFor(rates("EUR=1,SEK=0"), List.of("SEK")))
        .hasMessageEndingWith("also for SEK");
    assertThat(DashboardController.ratesFor(rates("EUR=1,SEK=0.091"), List.of("SEK", "EUR"))).hasSize(2);
  }
}
