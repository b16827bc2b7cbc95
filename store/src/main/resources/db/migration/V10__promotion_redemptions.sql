-- What each order took of each promotion that priced it, for an admin's redemptions of a promotion.
-- Kept by the order-summary projection from the orders' payments: RESERVED when a payment is added,
-- KEPT when it is authorized, GIVEN_BACK when it is declined or fails or the order is cancelled.
CREATE TABLE order_redemption (
  order_id VARCHAR(36) NOT NULL,
  promotion_id VARCHAR(36) NOT NULL,
  code VARCHAR(32),
  amount BIGINT NOT NULL,
  status VARCHAR(16) NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (order_id, promotion_id)
);

CREATE INDEX order_redemption_of_promotion ON order_redemption (promotion_id, updated_at DESC);
