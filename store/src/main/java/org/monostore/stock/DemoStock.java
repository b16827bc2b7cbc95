package org.monostore.stock;

import java.util.ArrayList;
import java.util.List;
import org.monostore.platform.DemoData;
import org.monostore.platform.RejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The opening stock of a few demo products, so that a newcomer sees counted stock, a sold-out product
 * and a cart warned of a shortage at once. Each is counted once (an opening stock is received only
 * where none was), so a restart or a second node changes nothing, and an admin's receipts stay theirs.
 */
@Component
class DemoStock implements ApplicationRunner, Ordered {

  private static final Logger log = LoggerFactory.getLogger(DemoStock.class);
  private static final String ADMIN = "demo data";
  private static final List<String> PREFIXES = List.of("BOOK", "TOYS", "KITC", "ELEC", "GRDN");
  private static final int PER_CATEGORY = 10;

  /** The demo products and their opening stock: every tenth sold out, a few nearly so. */
  static final List<Opening> ALL = openings();

  record Opening(String sku, long quantity) {}

  private final Stocks stocks;
  private final boolean enabled;

  DemoStock(Stocks stocks, StockSettings settings) {
    this.stocks = stocks;
    this.enabled = settings.demoStock();
  }

  private static List<Opening> openings() {
    List<Opening> openings = new ArrayList<>();
    for (String prefix : PREFIXES) {
      for (int i = 1; i <= PER_CATEGORY; i++) {
        openings.add(new Opening("%s-%06d".formatted(prefix, i), i == PER_CATEGORY ? 0 : i <= 2 ? i : 10L * i));
      }
    }
    return List.copyOf(openings);
  }

  /** After the demo catalog's loader, whose products these are. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (enabled) {
      DemoData.defineOnceReachable("stock", this::count);
    }
  }

  /** Receives each demo product's opening stock where none was counted; how many products are counted. */
  int count() {
    int counted = 0;
    for (Opening opening : ALL) {
      try {
        stocks.ask(opening.sku(), replyTo -> new Stock.ReceiveOpening(opening.quantity(), ADMIN, replyTo));
        counted++;
      } catch (RejectedException e) {
        // A product this catalog does not have (fewer demo products, or none in production).
        log.info("Demo stock of {} is left out: {}", opening.sku(), e.getMessage());
      }
    }
    log.info("Demo stock: {} of {} products counted", counted, ALL.size());
    return counted;
  }
}
