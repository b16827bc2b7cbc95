package org.monostore.checkout;

import java.util.List;
import org.monostore.cart.CartTotalListener;
import org.monostore.platform.Projections;
import org.springframework.stereotype.Component;

/**
 * The checkout's copy of each cart's total, which the list of orders sorts unpaid orders by (before a
 * payment fixes an order's amount, the order costs what its cart holds now). Kept for every cart, not
 * only carts with an order: the cart read model may project a cart's change before the order read
 * model has the order, and a copy kept only for known orders would miss it.
 */
@Component
class OrderCartTotals implements CartTotalListener {

  @Override
  public void totalsChanged(Projections.Session session, List<CartTotal> totals) throws Exception {
    session.forRows("""
        INSERT INTO order_cart_total (cart_id, total, as_of)
        SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::timestamptz[])
        ON CONFLICT (cart_id) DO UPDATE SET total = excluded.total, as_of = excluded.as_of
        WHERE order_cart_total.as_of <= excluded.as_of""",
        totals.stream().map(total -> new Object[] {total.cartId(), total.total(), total.asOf()}).toList());
  }
}
