package org.monostore.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import org.monostore.platform.Asks;
import org.monostore.platform.Rejection;
import org.monostore.shared.Market;
import org.monostore.shared.Markets;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Products", description = "The catalog: one product by SKU, or a filtered, paged listing")
@RestController
@RequestMapping("/api/products")
class ProductController {

  private static final int MAX_PAGE_SIZE = 100;
  private static final int MAX_TEXT = 100;

  private final Catalog catalog;
  private final ProductRepository products;
  private final Markets markets;
  private final Availability availability;
  private final Asks asks;

  ProductController(Catalog catalog, ProductRepository products, Markets markets, Availability availability, Asks asks) {
    this.availability = availability;
    this.asks = asks;
    this.catalog = catalog;
    this.products = products;
    this.markets = markets;
  }

  @Operation(summary = "Look a product up by SKU, priced in a market")
  @GetMapping("/{sku}")
  ProductView product(
      @PathVariable String sku,
      @Parameter(description = "SE, NO, DK or FI; the default market when absent")
          @RequestParam(required = false) String market) {
    Market priced = markets.resolve(market);
    if (!Sku.isValid(sku)) {
      throw Rejection.invalid("sku", "'sku' must be 1-32 upper-case letters, digits or dashes").asException();
    }
    return switch (catalog.get(sku)) {
      // Only a product that exists asks its stock: a made-up SKU wakes no stock entity.
      case Product.Found found when found.product().priceIn(priced.code()) != null ->
          ProductView.of(found.product(), priced).withAvailable(stock(availability.of(sku)));
      case Product.Found found ->
          throw Rejection.notFound("Product " + sku + " is not sold in market " + priced.code()).asException();
      case Product.NotFound notFound ->
          throw Rejection.notFound("There is no product with SKU " + sku).asException();
      case Product.Unavailable unavailable ->
          throw Rejection.unavailable("The catalog is not reachable right now").asException();
    };
  }

  @Operation(summary = "List products by name, filtered by category and by text in the name or SKU")
  @GetMapping
  ProductPage products(
      @Parameter(description = "A category, in any case, e.g. Books or books") @RequestParam(required = false) String category,
      @Parameter(description = "Text the name or the SKU contains, case-insensitive") @RequestParam(required = false) String q,
      @Parameter(description = "SE, NO, DK or FI; the default market when absent")
          @RequestParam(required = false) String market,
      @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "Products per page, 1-100") @RequestParam(defaultValue = "20") int size) {
    Market priced = markets.resolve(market);
    if (page < 0 || page > 100_000) {
      throw Rejection.invalid("page", "'page' must be between 0 and 100000").asException();
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw Rejection.invalid("size", "'size' must be between 1 and " + MAX_PAGE_SIZE).asException();
    }
    ProductPage found = products.search(priced, text("category", category), text("q", q), page, size);
    List<CompletionStage<OptionalLong>> available =
        found.items().stream().map(product -> availability.of(product.sku())).toList();
    List<ProductView> items = new ArrayList<>(found.items().size());
    for (int i = 0; i < found.items().size(); i++) {
      items.add(found.items().get(i).withAvailable(stock(available.get(i))));
    }
    return new ProductPage(items, found.page(), found.size(), found.total());
  }

  /** What the stock answered; a 503 when it did not in time, as for the catalog itself. */
  private OptionalLong stock(CompletionStage<OptionalLong> available) {
    try {
      return asks.await(available);
    } catch (RuntimeException e) {
      throw Rejection.unavailable("The stock is not reachable right now").asException();
    }
  }

  private static String text(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > MAX_TEXT) {
      throw Rejection.invalid(name, "'" + name + "' must be at most " + MAX_TEXT + " characters").asException();
    }
    return value.strip();
  }
}
