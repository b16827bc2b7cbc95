package org.monostore.fulfillment;

/** One product in the parcel, as the fulfilment's events keep it; the API's is {@link Fulfillment.Item}. */
public record PackedItem(String sku, String name, int quantity) {

  static PackedItem of(Fulfillment.Item item) {
    return new PackedItem(item.sku(), item.name(), item.quantity());
  }

  Fulfillment.Item asItem() {
    return new Fulfillment.Item(sku, name, quantity);
  }
}
