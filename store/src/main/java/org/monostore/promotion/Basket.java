package org.monostore.promotion;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.monostore.pricing.Pricing;

/**
 * What promotions are evaluated on: a cart's items in its market and currency, its shipping fee, the
 * codes its shopper entered (by the promotion each belongs to), at a moment.
 *
 * @param codes the entered codes, keyed by the id of the promotion each one is a code of
 */
public record Basket(
    String market, String currency, List<Pricing.Item> items, long shipping, Map<String, String> codes, Instant at) {

  public Basket {
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(currency, "currency");
    items = List.copyOf(items);
    codes = codes == null ? Map.of() : Map.copyOf(codes);
    Objects.requireNonNull(at, "at");
    if (shipping < 0) {
      throw new IllegalArgumentException("a shipping fee is not negative");
    }
  }

  long lineTotal(int item) {
    Pricing.Item line = items.get(item);
    return Math.multiplyExact(line.unitPrice(), line.quantity());
  }

  long subtotal() {
    long subtotal = 0;
    for (int i = 0; i < items.size(); i++) {
      subtotal = Math.addExact(subtotal, lineTotal(i));
    }
    return subtotal;
  }

  int itemCount() {
    int count = 0;
    for (Pricing.Item item : items) {
      count = Math.addExact(count, item.quantity());
    }
    return count;
  }
}
