package org.monostore.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Product lookup and listing over real HTTP against the demo catalog in a real PostgreSQL. */
@StoreTest
class ProductApiTest {

  @LocalServerPort int port;

  private RequestSpecification api() {
    return given().port(port);
  }

  @Test
  void aProductIsLookedUpBySkuAndPricedInTheDefaultMarket() {
    api().get("/api/products/BOOK-000001").then()
        .statusCode(200)
        .body("sku", equalTo("BOOK-000001"))
        .body("name", notNullValue())
        .body("description", notNullValue())
        .body("category", equalTo("Books"))
        .body("price.amount", greaterThan(0))
        .body("price.currency", equalTo("SEK"))
        .body("inStock", notNullValue())
        .body("market", equalTo("SE"));
  }

  @Test
  void eachMarketHasItsOwnPriceAndCurrency() {
    for (var market : List.of(List.of("SE", "SEK"), List.of("NO", "NOK"), List.of("DK", "DKK"), List.of("FI", "EUR"))) {
      api().get("/api/products/ELEC-000001?market=" + market.get(0)).then()
          .statusCode(200)
          .body("market", equalTo(market.get(0)))
          .body("price.currency", equalTo(market.get(1)))
          .body("price.amount", greaterThan(0));
    }
  }

  @Test
  void anUnknownSkuIsA404() {
    api().get("/api/products/NOPE-000001").then().statusCode(404).contentType("application/problem+json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"book-000001", "BOOK_1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "%20"})
  void aSkuOfTheWrongShapeIsA400(String sku) {
    api().get("/api/products/" + sku).then().statusCode(400).body("field", equalTo("sku"));
  }

  @Test
  void anUnknownMarketIsA400() {
    api().get("/api/products/BOOK-000001?market=US").then().statusCode(400).body("field", equalTo("market"));
    api().get("/api/products?market=se").then().statusCode(400).body("field", equalTo("market"));
  }

  @Test
  void theDemoCatalogHasThousandsOfProductsInEveryCategory() {
    JsonPath all = api().get("/api/products?size=1").then().statusCode(200).extract().jsonPath();
    assertThat(all.getLong("total")).isGreaterThanOrEqualTo(2000);
    for (String category : DemoCatalog.CATEGORIES) {
      assertThat(api().queryParam("category", category).get("/api/products?size=1").jsonPath().getLong("total"))
          .as(category).isGreaterThan(100);
    }
  }

  @Test
  void theListingIsPagedInNameOrder() {
    JsonPath first = api().get("/api/products?category=Books&size=10&page=0").then().statusCode(200)
        .body("page", equalTo(0)).body("size", equalTo(10)).body("items", hasSize(10))
        .extract().jsonPath();
    JsonPath second = api().get("/api/products?category=Books&size=10&page=1").jsonPath();
    List<String> names = first.getList("items.name", String.class);
    assertThat(names).isSortedAccordingTo(String::compareTo);
    assertThat(second.getList("items.sku", String.class)).doesNotContainAnyElementsOf(first.getList("items.sku", String.class));
    assertThat(second.getLong("total")).isEqualTo(first.getLong("total"));
  }

  @Test
  void theCategoryFilterMatchesInAnyCase() {
    long books = api().get("/api/products?category=Books&size=1").jsonPath().getLong("total");
    assertThat(books).isGreaterThan(100);
    assertThat(api().get("/api/products?category=books&size=1").jsonPath().getLong("total")).isEqualTo(books);
    assertThat(api().get("/api/products?category=BOOKS&size=1").jsonPath().getLong("total")).isEqualTo(books);
    assertThat(api().get("/api/products?category=Book&size=1").jsonPath().getLong("total")).isZero();
  }

  @Test
  void aPageBeyondTheEndIsEmptyButKnowsTheTotal() {
    api().get("/api/products?category=Books&page=10000").then()
        .statusCode(200).body("items", hasSize(0)).body("total", greaterThan(100));
  }

  @Test
  void theListingFiltersByCategoryAndByTextInTheNameIgnoringCase() {
    String name = api().get("/api/products/KITC-000001").path("name");
    String word = name.split(" ")[0];
    api().queryParam("q", word.toUpperCase()).queryParam("category", "Kitchen").get("/api/products?size=100").then()
        .statusCode(200)
        .body("total", greaterThan(0))
        .body("items.category", everyItem(equalTo("Kitchen")))
        .body("items.name", everyItem(org.hamcrest.Matchers.containsStringIgnoringCase(word)));
  }

  @Test
  void theListingFindsAProductByPartOfItsSkuInAnyCase() {
    api().queryParam("q", "kitc-00000").get("/api/products?size=100").then()
        .statusCode(200)
        .body("items.sku", org.hamcrest.Matchers.hasItem("KITC-000001"))
        .body("items.sku", everyItem(org.hamcrest.Matchers.startsWith("KITC-00000")));
  }

  @Test
  void wildcardCharactersInTheSearchTextAreTakenLiterally() {
    api().queryParam("q", "%").get("/api/products").then().statusCode(200).body("total", equalTo(0));
    api().queryParam("q", "_").get("/api/products").then().statusCode(200).body("total", equalTo(0));
  }

  @Test
  void listingPricesFollowTheMarket() {
    api().get("/api/products?market=DK&size=5").then()
        .statusCode(200).body("items.price.currency", everyItem(equalTo("DKK")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"size=0", "size=101", "size=x", "page=-1", "page=x", "page=999999999999"})
  void badPagingIsA400NamingTheParameter(String query) {
    String parameter = query.substring(0, query.indexOf('='));
    api().get("/api/products?" + query).then().statusCode(400).body("field", equalTo(parameter));
  }

  @Test
  void overlongSearchTextIsA400() {
    api().queryParam("q", "x".repeat(101)).get("/api/products").then().statusCode(400).body("field", equalTo("q"));
  }
}
