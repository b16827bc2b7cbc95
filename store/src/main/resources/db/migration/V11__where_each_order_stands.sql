-- Where each order stands, for the admin's list and its "needs attention": the status of the order's
-- latest payment and which fulfilment is its live one (order events), and each fulfilment's status
-- (fulfilment events, kept by checkout's order-fulfillment projection in a table of its own).
ALTER TABLE order_summary
  ADD COLUMN payment_id VARCHAR(36),
  ADD COLUMN payment_status VARCHAR(16),
  ADD COLUMN fulfillment_id VARCHAR(36);

CREATE TABLE order_fulfillment (
  fulfillment_id VARCHAR(36) PRIMARY KEY,
  order_id VARCHAR(36) NOT NULL,
  status VARCHAR(16) NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

-- The new columns come from events the order-summary projection has read already: it reads the
-- journal again from the start (its rows are rebuilt exactly as they were, with the new columns).
DELETE FROM order_redemption;
DELETE FROM order_summary;
DELETE FROM pekko_projection_offset_store WHERE projection_name = 'order-summary';
