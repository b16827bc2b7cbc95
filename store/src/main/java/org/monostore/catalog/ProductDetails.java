package org.monostore.catalog;

import java.util.Map;
import org.monostore.platform.CborSerializable;
import org.monostore.shared.Money;

/** What the shop knows of a product, with its price in every market it is sold in. */
public record ProductDetails(
    String sku,
    String name,
    String description,
    String category,
    boolean inStock,
    Map<String, Money> prices)
    implements CborSerializable {

  /** The price in a market, or null where the product is not sold. */
  public Money priceIn(String market) {
    return prices.get(market);
  }
}
