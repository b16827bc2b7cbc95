package org.monostore.cart;

import java.time.Instant;
import java.util.List;
import org.monostore.pricing.Pricing;
import org.monostore.pricing.VatRates;
import org.monostore.promotion.Basket;
import org.monostore.promotion.Outcome;
import org.monostore.promotion.PromotionsInForce;
import org.monostore.shared.Money;

/**
 * How a cart is priced: the promotions in force on this node, evaluated on its lines at the moment it
 * is shown, then the lines, discounts and VAT at its market's rates. Pure and in memory: no query and
 * no ask, so a cart can price itself on every answer.
 */
record CartPricing(VatRates vatRates, PromotionsInForce promotions) {

  /** A cart's price and the promotions that made it. */
  record Priced(Pricing pricing, CartView.Promotions promotions) {}

  Priced price(String market, String currency, List<Pricing.Item> items, Instant at) {
    Outcome outcome = promotions.evaluate(new Basket(market, currency, items, 0, null, at));
    Pricing pricing = Pricing.calculate(market, currency, items, outcome.discounts(), vatRates);
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
