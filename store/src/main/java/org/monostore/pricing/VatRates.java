package org.monostore.pricing;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The VAT rates of each market: a standard rate, and reduced rates for some product categories.
 * Rates are kept in basis points (25.5% is 2550) so that every calculation stays in whole numbers.
 */
@Component
public final class VatRates {

  private final Map<String, Integer> standard;
  private final Map<String, Integer> reduced;

  public VatRates(
      // The standard rate per market, in percent, as MARKET:RATE pairs. The defaults are the demo
      // markets' rates as of 2026; check the law before selling for real.
      @Value("${monostore.vat.standard:SE:25,NO:25,DK:25,FI:25.5}") String standard,
      // Reduced rates per market and catalog category, as MARKET/CATEGORY:RATE pairs; a category
      // not listed pays the market's standard rate.
      @Value("${monostore.vat.reduced:SE/Grocery:6,SE/Books:6,NO/Grocery:15,NO/Books:0,FI/Grocery:13.5,FI/Books:14}")
          String reduced) {
    this.standard = parse(standard, "monostore.vat.standard");
    this.reduced = parse(reduced, "monostore.vat.reduced");
  }

  /** The rate, in basis points, that a product of this category pays in this market. */
  public int basisPoints(String market, String category) {
    Integer rate = category == null ? null : reduced.get(market + "/" + category);
    if (rate != null) {
      return rate;
    }
    Integer standardRate = standard.get(market);
    if (standardRate == null) {
      throw new IllegalStateException("monostore.vat.standard has no rate for market " + market);
    }
    return standardRate;
  }

  private static Map<String, Integer> parse(String pairs, String setting) {
    Map<String, Integer> rates = new LinkedHashMap<>();
    Arrays.stream(pairs.split(","))
        .map(String::strip)
        .filter(pair -> !pair.isEmpty())
        .forEach(pair -> {
          int colon = pair.lastIndexOf(':');
          if (colon < 1) {
            throw new IllegalArgumentException(setting + ": '" + pair + "' is not KEY:PERCENT");
          }
          rates.put(pair.substring(0, colon).strip(), parseRate(pair.substring(colon + 1).strip(), setting));
        });
    return Map.copyOf(rates);
  }

  private static int parseRate(String percent, String setting) {
    try {
      BigDecimal rate = new BigDecimal(percent);
      if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw new IllegalArgumentException(setting + ": " + percent + "% is not a rate");
      }
      return rate.movePointRight(2).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(setting + ": '" + percent + "' must be a percentage with at most two decimals");
    }
  }
}
