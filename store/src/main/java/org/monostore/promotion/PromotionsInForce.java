package org.monostore.promotion;

import java.util.List;

/** What prices a basket's promotions: those live on this node ({@link LivePromotions}), or none. */
@FunctionalInterface
public interface PromotionsInForce {

  PromotionsInForce NONE = basket -> new Outcome(List.of(), List.of());

  Outcome evaluate(Basket basket);
}
