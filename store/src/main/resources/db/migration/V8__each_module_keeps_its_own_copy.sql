-- Each module reads only its own tables. The admin's list of carts shows and searches the email given
-- on a cart's order, and the list of orders sorts unpaid orders by their cart's total: until now each
-- list joined the other module's read model for it. From here on each module keeps a copy of what it
-- shows, which the other module's read model hands it as it projects its events.

-- The cart module's copy: the latest email given on an order of each cart.
CREATE TABLE cart_order_email (
  cart_id VARCHAR(36) PRIMARY KEY,
  order_id VARCHAR(36) NOT NULL,
  email VARCHAR(254) NOT NULL,
  given_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX cart_order_email_email_idx ON cart_order_email (lower(email));

-- The checkout module's copy: each cart's total, VAT included, as of the cart's last change.
CREATE TABLE order_cart_total (
  cart_id VARCHAR(36) PRIMARY KEY,
  total BIGINT NOT NULL,
  as_of TIMESTAMPTZ NOT NULL
);

-- Once, as the copies start: what the read models hold today.
INSERT INTO cart_order_email (cart_id, order_id, email, given_at)
SELECT DISTINCT ON (cart_id) cart_id, order_id, email, updated_at
FROM order_summary WHERE email IS NOT NULL
ORDER BY cart_id, updated_at DESC;

INSERT INTO order_cart_total (cart_id, total, as_of)
SELECT cart_id, total, updated_at FROM cart_summary;
