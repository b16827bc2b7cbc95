package org.monostore.cart;

/**
 * The emails given on the orders of carts, which the admin's list of carts shows and searches. The
 * checkout module keeps them and implements this; the cart module asks through it, as it may not
 * depend on checkout (checkout depends on carts).
 */
public interface OrderEmails {

  /**
   * A relation {@code (cart_id, email, updated_at)}: one row per order that was given an email, with
   * the order's cart and when the order last changed, for the list's query to join.
   */
  String byCart();
}
