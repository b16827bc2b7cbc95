package org.monostore.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.monostore.shared.Money;

class DemoCatalogTest {

  private static final Map<String, String> MARKETS = Map.of("SE", "SEK", "NO", "NOK", "DK", "DKK", "FI", "EUR");
  private static final int COUNT = 3000;
  private static final List<DemoCatalog.DemoProduct> CATALOG = DemoCatalog.generate(COUNT, 42L, MARKETS);

  @Test
  void sameSeedGivesTheSameCatalog() {
    assertThat(DemoCatalog.generate(COUNT, 42L, MARKETS)).isEqualTo(CATALOG);
  }

  @Test
  void differentSeedGivesADifferentCatalog() {
    assertThat(DemoCatalog.generate(COUNT, 43L, MARKETS)).isNotEqualTo(CATALOG);
  }

  @Test
  void generatesTheRequestedNumberOfProducts() {
    assertThat(CATALOG).hasSize(COUNT);
    assertThat(DemoCatalog.generate(7, 1L, MARKETS)).hasSize(7);
    assertThat(DemoCatalog.generate(0, 1L, MARKETS)).isEmpty();
  }

  @Test
  void skusAreUniqueAndValid() {
    List<String> skus = CATALOG.stream().map(DemoCatalog.DemoProduct::sku).toList();
    assertThat(skus).doesNotHaveDuplicates();
    assertThat(skus).allMatch(sku -> sku.matches("^[A-Z0-9][A-Z0-9-]{0,31}$"));
    assertThat(skus).allMatch(sku -> sku.matches("^[A-Z]{3,4}-\\d{6}$"));
  }

  @Test
  void productsAreSpreadEvenlyOverAllCategories() {
    Map<String, Long> perCategory = CATALOG.stream()
        .collect(Collectors.groupingBy(DemoCatalog.DemoProduct::category, Collectors.counting()));
    long expected = COUNT / DemoCatalog.CATEGORIES.size();

    assertThat(perCategory.keySet()).containsExactlyInAnyOrderElementsOf(DemoCatalog.CATEGORIES);
    assertThat(perCategory.values()).allMatch(n -> Math.abs(n - expected) <= 1);
    assertThat(DemoCatalog.CATEGORIES).hasSizeBetween(10, 12).allMatch(c -> c.matches("[A-Za-z ]+"));
  }

  @Test
  void everyProductHasAPositivePriceInEveryRequestedMarketAndNoOther() {
    Map<String, String> twoMarkets = Map.of("SE", "SEK", "FI", "EUR");

    for (DemoCatalog.DemoProduct product : DemoCatalog.generate(500, 7L, twoMarkets)) {
      assertThat(product.prices()).containsOnlyKeys("SE", "FI");
      twoMarkets.forEach((market, currency) -> {
        Money price = product.prices().get(market);
        assertThat(price.currency()).isEqualTo(currency);
        assertThat(price.amount()).isPositive();
      });
    }
  }

  @Test
  void crownPricesAreWholeCrownsWithShopEndings() {
    for (DemoCatalog.DemoProduct product : CATALOG) {
      for (String market : List.of("SE", "NO", "DK")) {
        long amount = product.prices().get(market).amount();
        assertThat(amount % 100).isZero();
        assertThat(amount / 100 % 10).isIn(5L, 9L);
      }
      assertThat(product.prices().get("FI").amount() % 100).isIn(95L, 99L);
    }
  }

  @Test
  void euroPricesAreInAPlausibleRatioToKronor() {
    for (DemoCatalog.DemoProduct product : CATALOG) {
      double ratio = (double) product.prices().get("FI").amount() / product.prices().get("SE").amount();
      assertThat(ratio).as(product.sku()).isBetween(1 / 14.0, 1 / 9.0);
    }
  }

  @Test
  void unknownCurrencyIsDerivedFromKronorInWholeUnits() {
    List<DemoCatalog.DemoProduct> products = DemoCatalog.generate(50, 3L, Map.of("SE", "SEK", "US", "USD"));

    for (DemoCatalog.DemoProduct product : products) {
      Money usd = product.prices().get("US");
      assertThat(usd.currency()).isEqualTo("USD");
      assertThat(usd.amount()).isPositive();
      assertThat(usd.amount() % 100).isZero();
    }
  }

  @Test
  void namesAreNonBlankMostlyUniqueAndBounded() {
    List<String> names = CATALOG.stream().map(DemoCatalog.DemoProduct::name).toList();

    assertThat(names).allMatch(name -> !name.isBlank() && name.length() <= 200);
    assertThat(new HashSet<>(names).size()).isGreaterThan((int) (COUNT * 0.95));
  }

  @Test
  void descriptionsAreVariedAndBounded() {
    List<String> descriptions = CATALOG.stream().map(DemoCatalog.DemoProduct::description).toList();

    assertThat(descriptions).allMatch(d -> !d.isBlank() && d.length() <= 500);
    assertThat(new HashSet<>(descriptions).size()).isGreaterThan(COUNT / 3);
  }

  @Test
  void roughlyNineInTenProductsAreInStock() {
    long inStock = CATALOG.stream().filter(DemoCatalog.DemoProduct::inStock).count();

    assertThat((double) inStock / COUNT).isBetween(0.80, 0.97);
  }

  @Test
  void booksAreCheaperThanTheMostExpensiveElectronics() {
    Map<String, Long> maxSekByCategory = CATALOG.stream().collect(Collectors.toMap(
        DemoCatalog.DemoProduct::category, p -> p.prices().get("SE").amount(), Math::max));

    assertThat(maxSekByCategory.get("Books")).isLessThanOrEqualTo(399_00L);
    assertThat(maxSekByCategory.get("Electronics")).isGreaterThan(maxSekByCategory.get("Books"));
  }
}
