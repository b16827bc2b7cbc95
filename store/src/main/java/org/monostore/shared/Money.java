package org.monostore.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in minor units (öre, cents) of an ISO 4217 currency. Amounts are whole numbers, so
 * arithmetic is exact; any rounding happens where a price is derived, never here. A value of the shop's
 * own, in answers and in persisted events alike: the API document describes it in
 * platform/ValueTypeSchemas.
 */
public record Money(long amount, String currency) {

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (currency.length() != 3) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
    }
  }

  public static Money zero(String currency) {
    return new Money(0, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(amount, other.amount), currency);
  }

  public Money times(int quantity) {
    return new Money(Math.multiplyExact(amount, quantity), currency);
  }

  /** The number of minor units in one major unit of this currency: 100 for SEK and EUR. */
  public static long minorUnitsPerMajor(String currency) {
    return (long) Math.pow(10, Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()));
  }

  /** In words for people: "199.00 SEK". */
  public String inWords() {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return BigDecimal.valueOf(amount, digits).toPlainString() + " " + currency;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
  }
}
