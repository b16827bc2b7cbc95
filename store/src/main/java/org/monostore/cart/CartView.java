package org.monostore.cart;

import java.time.Instant;
import java.util.List;
import org.monostore.platform.CborSerializable;
import org.monostore.shared.Money;

/** A cart as clients see it: every line priced, and the subtotal. */
public record CartView(
    String id,
    String market,
    Cart.Status status,
    String currency,
    List<CartLine> lines,
    Money subtotal,
    Instant createdAt,
    Instant updatedAt)
    implements CborSerializable {

  public record CartLine(String sku, String name, int quantity, Money unitPrice, Money lineTotal) {}
}
