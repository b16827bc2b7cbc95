package org.monostore.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import org.monostore.shared.Market;
import org.monostore.shared.Money;

/** A product as the storefront shows it in one market. */
@Schema(name = "Product", description = "A product as the storefront shows it in one market")
record ProductView(
    @Schema(example = "BOOK-000001") String sku,
    String name,
    String description,
    @Schema(example = "Books") String category,
    @Schema(description = "The price in the market's currency, VAT included") Money price,
    boolean inStock,
    @Schema(description = "The market the price is for", example = "SE") String market) {

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
