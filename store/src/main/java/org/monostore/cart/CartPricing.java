package org.monostore.cart;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.monostore.pricing.Pricing;
import org.monostore.pricing.ShippingFees;
import org.monostore.pricing.VatRates;
import org.monostore.promotion.Basket;
import org.monostore.promotion.Outcome;
import org.monostore.promotion.PromotionsInForce;
import org.monostore.shared.Money;

/**
 * How a cart is priced: its market's shipping fee for its goods, the promotions in force on this node
 * evaluated on its lines and that fee at the moment it is shown, then the lines, shipping, discounts
 * and VAT at its market's rates. Pure and in memory: no query and
 * no ask, so a cart can price itself on every answer.
 */
record CartPricing(VatRates vatRates, ShippingFees shipping, PromotionsInForce promotions) {

  /** A cart's price and the promotions that made it. */
  record Priced(Pricing pricing, CartView.Promotions promotions) {}

  /** @param codes the codes entered, by the promotion each is a code of */
  Priced price(String market, String currency, List<Pricing.Item> items, Map<String, String> codes, Instant at) {
    long subtotal = 0;
    for (Pricing.Item item : items) {
      subtotal = Math.addExact(subtotal, Math.multiplyExact(item.unitPrice(), item.quantity()));
    }
    long fee = shipping.feeFor(market, subtotal);
    Outcome outcome = promotions.evaluate(new Basket(market, currency, items, fee, codes, at));
    Pricing pricing = Pricing.calculate(market, currency, items, fee, outcome.discounts(), vatRates);
    return new Priced(pricing, new CartView.Promotions(
        outcome.applied().stream()
            .map(applied -> new CartView.AppliedPromotion(applied.promotionId(), applied.name(), applied.code(),
                new Money(applied.amount(), currency)))
            .toList(),
        outcome.notApplied().stream()
            .map(notApplied -> new CartView.PromotionNotApplied(notApplied.promotionId(), notApplied.name(), notApplied.reason()))
            .toList()));
  }
}
