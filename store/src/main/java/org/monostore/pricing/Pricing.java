package org.monostore.pricing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.monostore.platform.CborSerializable;
import org.monostore.shared.Money;

/**
 * What a cart or an order costs: priced lines, discounts as lines of their own, the VAT contained
 * in the prices per rate, and the total. Prices are VAT-inclusive, as consumer shops in the demo
 * markets must show them, so the VAT is the part of each gross amount that is tax:
 * {@code gross * rate / (100% + rate)}, rounded per line to the nearest minor unit, half to even,
 * and then summed per rate. Rounding per line means the receipt's lines add up to its totals.
 */
@Schema(name = "Pricing", description = "Lines, discounts, VAT per rate and total, in minor units; prices include VAT")
public record Pricing(
    @Schema(example = "SEK") String currency,
    List<PricedLine> lines,
    @Schema(description = "The sum of the line totals") Money subtotal,
    @Schema(description = "Discounts, each a line of its own; none until promotions apply") List<DiscountLine> discounts,
    @Schema(description = "The sum of the discounts") Money discountTotal,
    @Schema(description = "The VAT contained in the total") Tax tax,
    @Schema(description = "What the customer pays: subtotal minus discounts, VAT included") Money total)
    implements CborSerializable {

  /** A product line to price: its unit price is VAT-inclusive, in minor units. */
  public record Item(String sku, String name, String category, int quantity, long unitPrice) {}

  /** A discount to price: a positive amount off goods of one category (which decides its VAT rate). */
  public record Discount(String code, String description, String category, long amount) {}

  @Schema(description = "One product line")
  public record PricedLine(
      @Schema(example = "BOOK-000001") String sku,
      String name,
      @Schema(example = "Books") String category,
      int quantity,
      @Schema(description = "VAT included") Money unitPrice,
      @Schema(description = "unitPrice times quantity") Money lineTotal,
      @Schema(description = "The VAT rate in percent", example = "25.0") double vatRate,
      @Schema(description = "The VAT contained in lineTotal, rounded half to even") Money vat)
      implements CborSerializable {}

  @Schema(description = "One discount, subtracted from the subtotal")
  public record DiscountLine(
      String code,
      String description,
      @Schema(description = "The amount off, VAT included; positive") Money amount,
      @Schema(description = "The VAT rate of the goods it discounts, in percent") double vatRate,
      @Schema(description = "The VAT contained in the amount off") Money vat)
      implements CborSerializable {}

  @Schema(description = "The VAT contained in the prices")
  public record Tax(
      @Schema(description = "All VAT contained in the total") Money amount,
      @Schema(description = "The VAT per rate, from the highest rate down") List<TaxRate> rates)
      implements CborSerializable {}

  @Schema(description = "The goods of one VAT rate")
  public record TaxRate(
      @Schema(description = "The rate in percent", example = "25.0") double rate,
      @Schema(description = "What the goods of this rate cost, VAT included, after discounts") Money gross,
      @Schema(description = "gross minus vat") Money net,
      @Schema(description = "The VAT contained in gross") Money vat)
      implements CborSerializable {}

  /** Prices the items and discounts for a market, at that market's VAT rates. */
  public static Pricing calculate(
      String market, String currency, List<Item> items, List<Discount> discounts, VatRates vatRates) {
    // Per rate, in basis points: {gross, vat}; highest rate first.
    Map<Integer, long[]> byRate = new TreeMap<>((a, b) -> Integer.compare(b, a));
    List<PricedLine> lines = new ArrayList<>(items.size());
    long subtotal = 0;
    for (Item item : items) {
      int rate = vatRates.basisPoints(market, item.category());
      long lineTotal = Math.multiplyExact(item.unitPrice(), item.quantity());
      long vat = vatContained(lineTotal, rate);
      subtotal = Math.addExact(subtotal, lineTotal);
      add(byRate, rate, lineTotal, vat);
      lines.add(new PricedLine(item.sku(), item.name(), item.category(), item.quantity(),
          new Money(item.unitPrice(), currency), new Money(lineTotal, currency), percent(rate), new Money(vat, currency)));
    }
    List<DiscountLine> discountLines = new ArrayList<>(discounts.size());
    long discountTotal = 0;
    for (Discount discount : discounts) {
      if (discount.amount() < 0) {
        throw new IllegalArgumentException("A discount is a positive amount off: " + discount);
      }
      int rate = vatRates.basisPoints(market, discount.category());
      long vat = vatContained(discount.amount(), rate);
      discountTotal = Math.addExact(discountTotal, discount.amount());
      add(byRate, rate, -discount.amount(), -vat);
      discountLines.add(new DiscountLine(discount.code(), discount.description(),
          new Money(discount.amount(), currency), percent(rate), new Money(vat, currency)));
    }
    if (discountTotal > subtotal) {
      throw new IllegalArgumentException("Discounts of " + discountTotal + " exceed the subtotal " + subtotal);
    }
    List<TaxRate> rates = new ArrayList<>(byRate.size());
    long vatTotal = 0;
    for (var rate : byRate.entrySet()) {
      long gross = rate.getValue()[0];
      long vat = rate.getValue()[1];
      if (gross < 0) {
        throw new IllegalArgumentException(
            "Discounts at " + percent(rate.getKey()) + "% exceed the goods at that rate by " + -gross);
      }
      vatTotal += vat;
      rates.add(new TaxRate(percent(rate.getKey()), new Money(gross, currency), new Money(gross - vat, currency),
          new Money(vat, currency)));
    }
    return new Pricing(currency, List.copyOf(lines), new Money(subtotal, currency), List.copyOf(discountLines),
        new Money(discountTotal, currency), new Tax(new Money(vatTotal, currency), List.copyOf(rates)),
        new Money(subtotal - discountTotal, currency));
  }

  /** The VAT inside a VAT-inclusive amount at a rate in basis points, rounded half to even. */
  static long vatContained(long gross, int basisPoints) {
    return divideHalfEven(Math.multiplyExact(gross, basisPoints), 10_000L + basisPoints);
  }

  /** {@code numerator / denominator} rounded to the nearest whole number, ties to the even one. */
  static long divideHalfEven(long numerator, long denominator) {
    long quotient = Math.floorDiv(numerator, denominator);
    long twiceRemainder = 2 * Math.floorMod(numerator, denominator);
    if (twiceRemainder > denominator || (twiceRemainder == denominator && (quotient & 1) != 0)) {
      quotient++;
    }
    return quotient;
  }

  private static void add(Map<Integer, long[]> byRate, int rate, long gross, long vat) {
    long[] sums = byRate.computeIfAbsent(rate, r -> new long[2]);
    sums[0] = Math.addExact(sums[0], gross);
    sums[1] = Math.addExact(sums[1], vat);
  }

  private static double percent(int basisPoints) {
    return basisPoints / 100.0;
  }
}
