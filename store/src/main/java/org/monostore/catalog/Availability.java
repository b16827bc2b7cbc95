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
}
