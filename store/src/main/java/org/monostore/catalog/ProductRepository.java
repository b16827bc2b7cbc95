package org.monostore.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.monostore.shared.Market;
import org.monostore.shared.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The products and product_prices tables. Blocking JDBC: never call it on an actor's thread. */
@Repository
class ProductRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  ProductRepository(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Of these SKUs, those no product has. */
  List<String> unknownSkus(List<String> skus) {
    return jdbc.sql("""
            SELECT s FROM unnest(?::text[]) WITH ORDINALITY AS given(s, n)
            WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.sku = s) ORDER BY n""")
        .param(skus.toArray(String[]::new)).query(String.class).list();
  }

  /** Of these categories, those no product is of, in any case. */
  List<String> unknownCategories(List<String> categories) {
    return jdbc.sql("""
            SELECT c FROM unnest(?::text[]) WITH ORDINALITY AS given(c, n)
            WHERE NOT EXISTS (SELECT 1 FROM products p WHERE lower(p.category) = lower(c)) ORDER BY n""")
        .param(categories.toArray(String[]::new)).query(String.class).list();
  }

  Optional<ProductDetails> find(String sku) {
    return jdbc.sql(
            """
            SELECT p.sku, p.name, p.description, p.category, p.in_stock, pp.market, pp.amount, pp.currency
            FROM products p LEFT JOIN product_prices pp ON pp.sku = p.sku
            WHERE p.sku = ?
            """)
        .param(sku)
        .query(
            (ResultSetExtractor<Optional<ProductDetails>>)
                rs -> {
                  if (!rs.next()) {
                    return Optional.empty();
                  }
                  String name = rs.getString("name");
                  String description = rs.getString("description");
                  String category = rs.getString("category");
                  boolean inStock = rs.getBoolean("in_stock");
                  Map<String, Money> prices = new HashMap<>();
                  do {
                    if (rs.getString("market") != null) {
                      prices.put(rs.getString("market"), new Money(rs.getLong("amount"), rs.getString("currency")));
                    }
                  } while (rs.next());
                  return Optional.of(
                      new ProductDetails(sku, name, description, category, inStock, Map.copyOf(prices)));
                });
  }

  /** Products sold in the market, optionally of one category (in any case) and with text in the name or SKU, by name. */
  ProductPage search(Market market, String category, String text, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE pp.market = ?");
    List<Object> params = new ArrayList<>(List.of(market.code()));
    if (category != null) {
      where.append(" AND lower(p.category) = lower(?)");
      params.add(category);
    }
    if (text != null) {
      // An admin looking for a product types part of its name or of its SKU, in any case.
      where.append(" AND (p.name ILIKE ? ESCAPE '\\' OR p.sku ILIKE ? ESCAPE '\\')");
      String contains = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      params.add(contains);
      params.add(contains);
    }
    String from = " FROM products p JOIN product_prices pp ON pp.sku = p.sku";
    long total = jdbc.sql("SELECT count(*)" + from + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) page * size);
    List<ProductView> items =
        jdbc.sql(
                "SELECT p.sku, p.name, p.description, p.category, p.in_stock, pp.amount, pp.currency"
                    + from + where + " ORDER BY p.name, p.sku LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(
                (rs, row) ->
                    new ProductView(
                        rs.getString("sku"),
                        rs.getString("name"),
                        rs.getString("description"),
                        rs.getString("category"),
                        new Money(rs.getLong("amount"), rs.getString("currency")),
                        rs.getBoolean("in_stock"),
                        null,
                        market.code()))
            .list();
    return new ProductPage(items, page, size, total);
  }

  boolean isEmpty() {
    return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM products)").query(Boolean.class).single();
  }

  /** Adds products that are not there yet; safe when several nodes load the same catalog at once. */
  @Transactional
  void addAll(List<DemoCatalog.DemoProduct> products) {
    template.batchUpdate(
        "INSERT INTO products (sku, name, description, category, in_stock) VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (sku) DO NOTHING",
        products,
        500,
        (ps, p) -> {
          ps.setString(1, p.sku());
          ps.setString(2, p.name());
          ps.setString(3, p.description());
          ps.setString(4, p.category());
          ps.setBoolean(5, p.inStock());
        });
    List<Object[]> prices = new ArrayList<>();
    for (var product : products) {
      product.prices().forEach((market, price) ->
          prices.add(new Object[] {product.sku(), market, price.amount(), price.currency()}));
    }
    template.batchUpdate(
        "INSERT INTO product_prices (sku, market, amount, currency) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (sku, market) DO NOTHING",
        prices);
    // Without statistics the planner sorts a whole category for every listing page instead of
    // reading the first rows of the (category, name) index: 20-50 times slower, measured.
    jdbc.sql("ANALYZE products, product_prices").update();
  }
}
