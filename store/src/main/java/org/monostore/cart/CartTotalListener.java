package org.monostore.cart;

import java.time.Instant;
import java.util.List;
import org.monostore.platform.Projections;

/**
 * Told each cart's new total as the cart read model projects the carts' events, in the projection's
 * transaction, for a module that keeps its own copy (checkout sorts its list of unpaid orders by
 * it). Such a module may not read the cart's tables, and the cart module may not depend on it.
 */
public interface CartTotalListener {

  /** A cart's total, VAT included, in minor units of the cart's currency, as of its last change. */
  record CartTotal(String cartId, long total, Instant asOf) {}

  /** Keep the totals: at most one per cart, each newer than any told before for its cart. */
  void totalsChanged(Projections.Session session, List<CartTotal> totals) throws Exception;
}
