package org.monostore.fulfillment;

import java.util.List;

/** Told when a fulfilment's parcel has shipped, so that its goods leave the stock. Must not block. */
public interface ShippedGoods {

  void shipped(String orderId, List<Fulfillment.Item> items);
}
