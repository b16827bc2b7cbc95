-- The product catalog: plain rows, read by the Product actor (one row per wake-up) and by the
-- storefront listing. Prices are per market, in minor units of the market's currency.
CREATE TABLE products (
  sku VARCHAR(32) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  description VARCHAR(2000) NOT NULL,
  category VARCHAR(64) NOT NULL,
  in_stock BOOLEAN NOT NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The listing filters by category and sorts by name.
CREATE INDEX products_category_name_idx ON products (category, name, sku);
CREATE INDEX products_name_idx ON products (name, sku);

CREATE TABLE product_prices (
  sku VARCHAR(32) NOT NULL REFERENCES products (sku) ON DELETE CASCADE,
  market CHAR(2) NOT NULL,
  amount BIGINT NOT NULL CHECK (amount >= 0),
  currency CHAR(3) NOT NULL,
  PRIMARY KEY (sku, market)
);
