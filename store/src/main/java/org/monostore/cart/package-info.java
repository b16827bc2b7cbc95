/**
 * Carts, and their read model for lists and figures ({@link org.monostore.cart.CartSummaries}), which
 * other modules ask for what they need of it.
 */
@OwnsTables({"cart_summary", "cart_summary_line", "cart_order_email"})
package org.monostore.cart;

import org.monostore.platform.OwnsTables;
