-- Reminders to settle a payment that may hold a customer's money: of a cancelled order (release it),
-- or whose gateway outcome is pending (ask again). Kept by the payment-settlement projection from the
-- orders' events, so a reminder exists exactly while the journal says the payment is unsettled; the
-- store's nodes take due rows (FOR UPDATE SKIP LOCKED), remind the order and move due_at on.
CREATE TABLE payment_settlement (
  order_id VARCHAR(36) PRIMARY KEY,
  payment_id VARCHAR(36) NOT NULL,
  due_at TIMESTAMPTZ NOT NULL,
  attempts INT NOT NULL DEFAULT 0
);

CREATE INDEX payment_settlement_due ON payment_settlement (due_at);
