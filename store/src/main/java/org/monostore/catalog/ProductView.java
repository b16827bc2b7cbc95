package org.monostore.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.OptionalLong;
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
    @Schema(description = "Whether it can be ordered now: the catalog has it in stock and, when its stock is "
        + "counted, some is available") boolean inStock,
    @Schema(description = "How many units a new order can have; null when the shop does not count this "
        + "product's stock", example = "12", nullable = true) Long available,
    @Schema(description = "The market the price is for", example = "SE") String market) {

  static ProductView of(ProductDetails product, Market market) {
    return new ProductView(
        product.sku(),
        product.name(),
        product.description(),
        product.category(),
        product.priceIn(market.code()),
        product.inStock(),
        null,
        market.code());
  }

  /** The product with what its stock has available: none counted leaves it as the catalog says. */
  ProductView withAvailable(OptionalLong units) {
    if (units.isEmpty()) {
      return this;
    }
    long count = units.getAsLong();
    return new ProductView(sku, name, description, category, price, inStock && count > 0, count, market);
  }
}
