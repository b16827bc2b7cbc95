package org.monostore.catalog;

import org.monostore.shared.Markets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty catalog with the generated demo products on start, before the store is ready, and
 * before the other demo data, which names its products and categories.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class DemoCatalogLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoCatalogLoader.class);
  private static final long SEED = 20261125L;

  private final ProductRepository products;
  private final Markets markets;
  private final int size;

  DemoCatalogLoader(
      ProductRepository products,
      Markets markets,
      CatalogSettings settings) {
    this.products = products;
    this.markets = markets;
    this.size = settings.demoProducts();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (size > 0 && products.isEmpty()) {
      products.addAll(DemoCatalog.generate(size, SEED, markets.currencyByMarket()));
      log.info("Loaded {} demo products", size);
    }
  }
}
