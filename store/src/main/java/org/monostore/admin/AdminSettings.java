package org.monostore.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin's account and its sign-in ({@code monostore.admin.*}).
 *
 * @param username {@code username}: the admin's user name (MONOSTORE_ADMIN_USERNAME)
 * @param password {@code password}: the admin's password (MONOSTORE_ADMIN_PASSWORD); when empty, one is
 *     generated at every start and printed once in the log
 * @param signIn {@code sign-in.*}: how failed sign-ins are throttled
 * @param exchangeRates {@code exchange-rates}: what one unit of each currency is worth in a common unit, as
 *     {@code CODE=rate} pairs separated by commas (MONOSTORE_ADMIN_EXCHANGE_RATES); the dashboard adds the
 *     markets' revenue up in a currency the admin chooses by them. Indicative: set the rates your finance
 *     team uses; the defaults are in euros, of late 2026
 */
@ConfigurationProperties("monostore.admin")
@Validated
public record AdminSettings(
    @DefaultValue("admin") @NotBlank String username,
    @DefaultValue("") @NotNull String password,
    @DefaultValue @Valid SignIn signIn,
    @DefaultValue("EUR=1,SEK=0.091,NOK=0.085,DKK=0.134")
        @Pattern(regexp = "[A-Z]{3}=\\d+(\\.\\d+)?(,[A-Z]{3}=\\d+(\\.\\d+)?)*",
            message = "must be CODE=rate pairs separated by commas, e.g. EUR=1,SEK=0.091")
        String exchangeRates) {

  /** The rates by currency code. */
  public Map<String, BigDecimal> ratesByCurrency() {
    Map<String, BigDecimal> rates = new TreeMap<>();
    for (String pair : exchangeRates.split(",")) {
      String[] codeAndRate = pair.split("=");
      rates.put(codeAndRate[0], new BigDecimal(codeAndRate[1]));
    }
    return rates;
  }

  /**
   * @param maxFailures {@code max-failures}: failed sign-ins a user name, or a client address, may make
   *     within the window before the rest of the window refuses it with 429
   *     (MONOSTORE_ADMIN_SIGN_IN_MAX_FAILURES)
   * @param window {@code window}: how long failures are counted from a key's first one, and so the longest
   *     a throttled key waits (MONOSTORE_ADMIN_SIGN_IN_WINDOW)
   */
  public record SignIn(
      @DefaultValue("5") @Positive int maxFailures,
      @DefaultValue("15m") @DurationMin(seconds = 1, message = "must be at least 1s") Duration window) {}
}
