package org.monostore.pricing;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.monostore.shared.Markets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What shipping costs in each market: a flat fee, free from a threshold of the goods' subtotal before
 * discounts. Before discounts, so that a promotion never makes shipping cost again: the threshold a
 * shopper sees is the one that counts. Amounts are kept in minor units of the market's currency.
 */
@Component
public final class ShippingFees {

  /** No fee anywhere: for tests of what shipping does not change. */
  public static final ShippingFees FREE = new ShippingFees(Map.of(), Map.of());

  private final Map<String, Long> fees;
  private final Map<String, Long> freeOver;

  @Autowired
  ShippingFees(ShippingSettings settings, Markets markets) {
    this(parse(settings.fee(), "monostore.shipping.fee", markets),
        parse(settings.freeOver(), "monostore.shipping.free-over", markets));
  }

  /** Fees and thresholds in minor units, by market. */
  public ShippingFees(Map<String, Long> fees, Map<String, Long> freeOver) {
    this.fees = Map.copyOf(fees);
    this.freeOver = Map.copyOf(freeOver);
  }

  /** The fee, in minor units, for goods of this subtotal (before discounts) in this market. */
  public long feeFor(String market, long subtotal) {
    long fee = fees.getOrDefault(market, 0L);
    Long threshold = freeOver.get(market);
    return subtotal == 0 || (threshold != null && subtotal >= threshold) ? 0 : fee;
  }

  private static Map<String, Long> parse(String pairs, String setting, Markets markets) {
    Map<String, Long> amounts = new LinkedHashMap<>();
    Arrays.stream(pairs.split(","))
        .map(String::strip)
        .filter(pair -> !pair.isEmpty())
        .forEach(pair -> {
          int colon = pair.indexOf(':');
          String market = colon < 0 ? pair : pair.substring(0, colon).strip();
          String currency = markets.currencyByMarket().get(market);
          if (colon < 1 || currency == null) {
            throw new IllegalArgumentException(setting + ": '" + pair + "' is not MARKET:AMOUNT for a market of "
                + "monostore.markets " + markets.currencyByMarket().keySet());
          }
          amounts.put(market, minorUnits(pair.substring(colon + 1).strip(), currency, setting));
        });
    return amounts;
  }

  private static long minorUnits(String amount, String currency, String setting) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    try {
      BigDecimal value = new BigDecimal(amount);
      if (value.signum() < 0) {
        throw new IllegalArgumentException(setting + ": " + amount + " is negative");
      }
      return value.movePointRight(digits).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(setting + ": '" + amount + "' must be an amount in " + currency
          + " with at most " + digits + " decimals");
    }
  }
}
