package org.monostore.catalog;

import org.monostore.shared.Market;
import org.monostore.shared.Money;

/** A product as the storefront shows it in one market. */
record ProductView(
    String sku,
    String name,
    String description,
    String category,
    Money price,
    boolean inStock,
    String market) {

  static ProductView of(ProductDetails product, Market market) {
    return new ProductView(
        product.sku(),
        product.name(),
        product.description(),
        product.category(),
        product.priceIn(market.code()),
        product.inStock(),
        market.code());
  }
}
