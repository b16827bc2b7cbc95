-- Read models for the admin: projections of the cart and order events into plain tables, kept by
-- Pekko Projections (JDBC, exactly once: each table change commits with the projection's offset).

-- pekko-projection-jdbc 1.0.0 ships no SQL: these are the tables it reads and writes.
CREATE TABLE pekko_projection_offset_store (
  projection_name VARCHAR(255) NOT NULL,
  projection_key VARCHAR(255) NOT NULL,
  current_offset VARCHAR(255) NOT NULL,
  manifest VARCHAR(4) NOT NULL,
  mergeable BOOLEAN NOT NULL,
  last_updated BIGINT NOT NULL,
  PRIMARY KEY (projection_name, projection_key)
);

CREATE TABLE pekko_projection_management (
  projection_name VARCHAR(255) NOT NULL,
  projection_key VARCHAR(255) NOT NULL,
  paused BOOLEAN NOT NULL,
  last_updated BIGINT NOT NULL,
  PRIMARY KEY (projection_name, projection_key)
);

-- One row per cart; totals are the sum of its lines, VAT included, before discounts.
CREATE TABLE cart_summary (
  cart_id VARCHAR(36) PRIMARY KEY,
  market CHAR(2) NOT NULL,
  currency CHAR(3) NOT NULL,
  status VARCHAR(16) NOT NULL,
  line_count INT NOT NULL DEFAULT 0,
  item_count INT NOT NULL DEFAULT 0,
  total BIGINT NOT NULL DEFAULT 0,
  order_id VARCHAR(36),
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

-- The lines the totals are summed from.
CREATE TABLE cart_summary_line (
  cart_id VARCHAR(36) NOT NULL REFERENCES cart_summary (cart_id) ON DELETE CASCADE,
  sku VARCHAR(32) NOT NULL,
  quantity INT NOT NULL,
  unit_price BIGINT NOT NULL,
  PRIMARY KEY (cart_id, sku)
);

CREATE INDEX cart_summary_updated_idx ON cart_summary (updated_at DESC);
CREATE INDEX cart_summary_status_updated_idx ON cart_summary (status, updated_at DESC);

-- One row per order. total is null until a payment fixes it (the cart's total counts until then).
CREATE TABLE order_summary (
  order_id VARCHAR(36) PRIMARY KEY,
  cart_id VARCHAR(36) NOT NULL,
  market CHAR(2) NOT NULL,
  currency CHAR(3) NOT NULL,
  status VARCHAR(24) NOT NULL,
  email VARCHAR(254),
  name VARCHAR(200),
  total BIGINT,
  authorized_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX order_summary_updated_idx ON order_summary (updated_at DESC);
CREATE INDEX order_summary_status_updated_idx ON order_summary (status, updated_at DESC);
CREATE INDEX order_summary_cart_idx ON order_summary (cart_id);
CREATE INDEX order_summary_email_idx ON order_summary (lower(email));
CREATE INDEX order_summary_authorized_idx ON order_summary (authorized_at) WHERE authorized_at IS NOT NULL;

-- Events written before projections existed carry no tags: give them the tags the entities give
-- now (Cart.TAG and PurchaseOrder.TAG), so the read models start complete.
INSERT INTO event_tag (event_id, tag)
SELECT ordering, 'carts' FROM event_journal WHERE persistence_id LIKE 'Cart|%';

INSERT INTO event_tag (event_id, tag)
SELECT ordering, 'orders' FROM event_journal WHERE persistence_id LIKE 'PurchaseOrder|%';
