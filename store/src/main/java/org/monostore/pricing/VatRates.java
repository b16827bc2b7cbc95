package org.monostore.pricing;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The VAT rates of each market: a standard rate, and reduced rates for some product categories.
 * Rates are kept in basis points (25.5% is 2550) so that every calculation stays in whole numbers.
 */
@Component
public final class VatRates {

  private final Map<String, Integer> standard;
  private final Map<String, Integer> reduced;

  @Autowired
  VatRates(VatSettings settings) {
    this(settings.standard(), settings.reduced());
  }

  /** The rates as {@link VatSettings} documents them. */
  public VatRates(String standard, String reduced) {
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
