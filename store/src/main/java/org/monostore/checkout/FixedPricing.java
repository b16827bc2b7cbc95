package org.monostore.checkout;

import java.util.List;
import org.monostore.pricing.Pricing;
import org.monostore.shared.Money;

/**
 * The order's pricing as its events keep it, fixed when the payment was added: the fields the API's
 * {@link Pricing} had when orders began to persist it, in a record of their own, so that the answer
 * may change without changing what the journal holds. {@code shipping} and a discount's
 * {@code promotionId} came later: events from before them read as no
 * shipping fee (at a rate of 0, which a zero fee makes no difference to) and no promotion.
 */
public record FixedPricing(
    String currency, List<Line> lines, Money subtotal, List<DiscountLine> discounts, Money discountTotal, Tax tax,
    Money total, Shipping shipping) {

  public record Line(
      String sku, String name, String category, int quantity, Money unitPrice, Money lineTotal, double vatRate,
      Money vat) {}

  public record DiscountLine(
      String code, String description, Money amount, double vatRate, Money vat, String promotionId) {}

  public record Shipping(Money fee, double vatRate, Money vat) {}

  public record Tax(Money amount, List<TaxRate> rates) {}

  public record TaxRate(double rate, Money gross, Money net, Money vat) {}

  static FixedPricing of(Pricing pricing) {
    return new FixedPricing(pricing.currency(),
        pricing.lines().stream().map(line -> new Line(line.sku(), line.name(), line.category(), line.quantity(),
            line.unitPrice(), line.lineTotal(), line.vatRate(), line.vat())).toList(),
        pricing.subtotal(),
        pricing.discounts().stream().map(discount -> new DiscountLine(discount.code(), discount.description(),
            discount.amount(), discount.vatRate(), discount.vat(), discount.promotionId())).toList(),
        pricing.discountTotal(),
        new Tax(pricing.tax().amount(), pricing.tax().rates().stream()
            .map(rate -> new TaxRate(rate.rate(), rate.gross(), rate.net(), rate.vat())).toList()),
        pricing.total(),
        new Shipping(pricing.shipping().fee(), pricing.shipping().vatRate(), pricing.shipping().vat()));
  }

  Pricing asPricing() {
    return new Pricing(currency,
        lines.stream().map(line -> new Pricing.PricedLine(line.sku(), line.name(), line.category(), line.quantity(),
            line.unitPrice(), line.lineTotal(), line.vatRate(), line.vat())).toList(),
        subtotal,
        shipping == null ? new Pricing.Shipping(Money.zero(currency), 0, Money.zero(currency))
            : new Pricing.Shipping(shipping.fee(), shipping.vatRate(), shipping.vat()),
        discounts.stream().map(discount -> new Pricing.DiscountLine(discount.code(), discount.description(),
            discount.amount(), discount.vatRate(), discount.vat(), discount.promotionId())).toList(),
        discountTotal,
        new Pricing.Tax(tax.amount(), tax.rates().stream()
            .map(rate -> new Pricing.TaxRate(rate.rate(), rate.gross(), rate.net(), rate.vat())).toList()),
        total);
  }
}
