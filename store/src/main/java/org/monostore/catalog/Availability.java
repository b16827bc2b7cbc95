package org.monostore.catalog;

import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

/**
 * How many units of a product a new order can have, as the stock counts them: empty for a product whose
 * stock the shop does not count. Product answers show it beside the catalog's in-stock flag.
 */
public interface Availability {

  /** Fails when the stock did not answer in time; never blocks. */
  CompletionStage<OptionalLong> of(String sku);

  /** The shop's words for too few units: "Only 2 of product X are available: the cart asks for 3". */
  static String shortage(String sku, long available, String asker, long asked) {
    return (available == 0 ? "Product " + sku + " is sold out"
        : "Only " + available + " of product " + sku + (available == 1 ? " is" : " are") + " available")
        + ": " + asker + " asks for " + asked;
  }
}
