package org.monostore.promotion;

import java.util.List;
import org.monostore.pricing.Pricing;

/**
 * Which promotions priced a basket and what each took off, in the order they applied, and which did
 * not apply and why ("needs 120.00 SEK more").
 */
public record Outcome(List<Applied> applied, List<NotApplied> notApplied) {

  public Outcome {
    applied = List.copyOf(applied);
    notApplied = List.copyOf(notApplied);
  }

  /**
   * A promotion that took something off: its share of each of the basket's items, in their order, and
   * of the shipping fee.
   *
   * @param code the code that applied it, null for an automatic promotion
   */
  public record Applied(String promotionId, String name, String code, List<Long> shares, long shipping) {

    public Applied {
      shares = List.copyOf(shares);
    }

    /** All it took off, items and shipping. */
    public long amount() {
      long amount = shipping;
      for (long share : shares) {
        amount += share;
      }
      return amount;
    }

    Pricing.Discount asDiscount() {
      return new Pricing.Discount(promotionId, code, name, shares, shipping);
    }
  }

  public record NotApplied(String promotionId, String name, String reason) {}

  /** All that the applied promotions took off. */
  public long discountTotal() {
    long total = 0;
    for (Applied promotion : applied) {
      total += promotion.amount();
    }
    return total;
  }

  /** The discounts as the price calculation takes them. */
  public List<Pricing.Discount> discounts() {
    return applied.stream().map(Applied::asDiscount).toList();
  }
}
