package org.monostore.pricing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.monostore.shared.Money;

/**
 * What a cart or an order costs: priced lines, the shipping fee, discounts as lines of their own, the
 * VAT contained in the prices per rate, and the total. Prices are VAT-inclusive, as consumer shops in
 * the demo markets must show them, so the VAT is the part of each gross amount that is tax:
 * {@code gross * rate / (100% + rate)}, rounded per line to the nearest minor unit, half to even,
 * and then summed per rate. Rounding per line means the receipt's lines add up to its totals.
 *
 * <p>A discount comes with its share of each line (and of the shipping fee), so each line's VAT is
 * computed again on what is left of it after each share; a discount line per rate says how much it
 * took off the goods of that rate and how much VAT went with it. So the tax per rate is the sum of
 * the lines' VAT after their discounts, and the discount lines' VAT is exactly the difference.
 */
@Schema(name = "Pricing",
    description = "Lines, shipping, discounts, VAT per rate and total, in minor units; prices include VAT")
public record Pricing(
    @Schema(example = "SEK") String currency,
    List<PricedLine> lines,
    @Schema(description = "The sum of the line totals") Money subtotal,
    @Schema(description = "The shipping fee, before any discount") Shipping shipping,
    @Schema(description = "Discounts, each a line of its own: one per promotion and VAT rate") List<DiscountLine> discounts,
    @Schema(description = "The sum of the discounts") Money discountTotal,
    @Schema(description = "The VAT contained in the total") Tax tax,
    @Schema(description = "What the customer pays: subtotal plus shipping minus discounts, VAT included") Money total) {

  /** A product line to price: its unit price is VAT-inclusive, in minor units. */
  public record Item(String sku, String name, String category, int quantity, long unitPrice) {}

  /**
   * A discount to price, as a promotion gave it: its share of each item, in the items' order, and of
   * the shipping fee, each share at most what the discounts before it left.
   *
   * @param code the code the shopper entered for it, null for an automatic promotion
   */
  public record Discount(String promotionId, String code, String description, List<Long> shares, long shipping) {
    public Discount {
      shares = List.copyOf(shares);
    }
  }

  @Schema(description = "One product line")
  public record PricedLine(
      @Schema(example = "BOOK-000001") String sku,
      String name,
      @Schema(example = "Books") String category,
      int quantity,
      @Schema(description = "VAT included") Money unitPrice,
      @Schema(description = "unitPrice times quantity") Money lineTotal,
      @Schema(description = "The VAT rate in percent", example = "25.0") double vatRate,
      @Schema(description = "The VAT contained in lineTotal, rounded half to even") Money vat) {}

  @Schema(description = "The shipping fee, VAT included, at the market's standard rate")
  public record Shipping(
      @Schema(description = "VAT included; zero when shipping is free") Money fee,
      @Schema(description = "The VAT rate in percent", example = "25.0") double vatRate,
      @Schema(description = "The VAT contained in fee") Money vat) {}

  @Schema(description = "What one promotion took off the goods (and shipping) of one VAT rate")
  public record DiscountLine(
      @Schema(description = "The code the shopper entered; the promotion's id for an automatic one") String code,
      String description,
      @Schema(description = "The amount off, VAT included; positive") Money amount,
      @Schema(description = "The VAT rate of the goods it discounts, in percent") double vatRate,
      @Schema(description = "The VAT that went with the amount off") Money vat,
      @Schema(description = "The promotion that gave it; null for discounts from before promotions", nullable = true)
          String promotionId) {}

  @Schema(description = "The VAT contained in the prices")
  public record Tax(
      @Schema(description = "All VAT contained in the total") Money amount,
      @Schema(description = "The VAT per rate, from the highest rate down") List<TaxRate> rates) {}

  @Schema(description = "The goods of one VAT rate")
  public record TaxRate(
      @Schema(description = "The rate in percent", example = "25.0") double rate,
      @Schema(description = "What the goods of this rate cost, VAT included, after discounts") Money gross,
      @Schema(description = "gross minus vat") Money net,
      @Schema(description = "The VAT contained in gross") Money vat) {}

  /** Prices the items and discounts for a market, at that market's VAT rates, with no shipping fee. */
  public static Pricing calculate(
      String market, String currency, List<Item> items, List<Discount> discounts, VatRates vatRates) {
    return calculate(market, currency, items, 0, discounts, vatRates);
  }

  /** Prices the items, the shipping fee and the discounts for a market, at that market's VAT rates. */
  public static Pricing calculate(
      String market, String currency, List<Item> items, long shippingFee, List<Discount> discounts, VatRates vatRates) {
    if (shippingFee < 0) {
      throw new IllegalArgumentException("A shipping fee is not negative: " + shippingFee);
    }
    int count = items.size();
    // What is left of each line, and of the shipping fee at index count, and the VAT it contains.
    int[] rates = new int[count + 1];
    long[] left = new long[count + 1];
    long[] vatLeft = new long[count + 1];
    List<PricedLine> lines = new ArrayList<>(count);
    long subtotal = 0;
    for (int i = 0; i < count; i++) {
      Item item = items.get(i);
      rates[i] = vatRates.basisPoints(market, item.category());
      left[i] = Math.multiplyExact(item.unitPrice(), item.quantity());
      vatLeft[i] = vatContained(left[i], rates[i]);
      subtotal = Math.addExact(subtotal, left[i]);
      lines.add(new PricedLine(item.sku(), item.name(), item.category(), item.quantity(),
          new Money(item.unitPrice(), currency), new Money(left[i], currency), percent(rates[i]),
          new Money(vatLeft[i], currency)));
    }
    rates[count] = vatRates.basisPoints(market, null);
    left[count] = shippingFee;
    vatLeft[count] = vatContained(shippingFee, rates[count]);
    Shipping shipping = new Shipping(new Money(shippingFee, currency), percent(rates[count]),
        new Money(vatLeft[count], currency));

    List<DiscountLine> discountLines = new ArrayList<>(discounts.size());
    long discountTotal = 0;
    for (Discount discount : discounts) {
      if (discount.shares().size() != count) {
        throw new IllegalArgumentException("A discount has a share for each of the " + count + " lines: " + discount);
      }
      // Per rate, in basis points: {amount, vat}; highest rate first.
      Map<Integer, long[]> byRate = new TreeMap<>((a, b) -> Integer.compare(b, a));
      for (int i = 0; i <= count; i++) {
        long share = i < count ? discount.shares().get(i) : discount.shipping();
        if (share == 0) {
          continue;
        }
        if (share < 0 || share > left[i]) {
          throw new IllegalArgumentException("A discount of " + discount.promotionId() + " takes " + share + " off "
              + (i < count ? items.get(i).sku() : "the shipping") + ", which has " + left[i] + " left: "
              + "a share is positive and at most what is left");
        }
        left[i] -= share;
        long vat = vatContained(left[i], rates[i]);
        add(byRate, rates[i], share, vatLeft[i] - vat);
        vatLeft[i] = vat;
        discountTotal = Math.addExact(discountTotal, share);
      }
      for (var rate : byRate.entrySet()) {
        String code = discount.code() != null ? discount.code() : discount.promotionId();
        discountLines.add(new DiscountLine(code, discount.description(), new Money(rate.getValue()[0], currency),
            percent(rate.getKey()), new Money(rate.getValue()[1], currency), discount.promotionId()));
      }
    }

    // Per rate, in basis points: {gross, vat}; highest rate first.
    Map<Integer, long[]> byRate = new TreeMap<>((a, b) -> Integer.compare(b, a));
    for (int i = 0; i < count; i++) {
      add(byRate, rates[i], left[i], vatLeft[i]);
    }
    if (shippingFee > 0) {
      add(byRate, rates[count], left[count], vatLeft[count]);
    }
    List<TaxRate> taxRates = new ArrayList<>(byRate.size());
    long vatTotal = 0;
    for (var rate : byRate.entrySet()) {
      long gross = rate.getValue()[0];
      long vat = rate.getValue()[1];
      vatTotal += vat;
      taxRates.add(new TaxRate(percent(rate.getKey()), new Money(gross, currency), new Money(gross - vat, currency),
          new Money(vat, currency)));
    }
    long total = Math.addExact(subtotal, shippingFee) - discountTotal;
    return new Pricing(currency, List.copyOf(lines), new Money(subtotal, currency), shipping,
        List.copyOf(discountLines), new Money(discountTotal, currency),
        new Tax(new Money(vatTotal, currency), List.copyOf(taxRates)), new Money(total, currency));
  }

  /** The VAT inside a VAT-inclusive amount at a rate in basis points, rounded half to even. */
  static long vatContained(long gross, int basisPoints) {
    return divideHalfEven(Math.multiplyExact(gross, basisPoints), 10_000L + basisPoints);
  }

  /** {@code numerator / denominator} rounded to the nearest whole number, ties to the even one. */
  public static long divideHalfEven(long numerator, long denominator) {
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
