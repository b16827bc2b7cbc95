package org.monostore.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.platform.Projections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard's figures move with the shop: carts, orders, revenue per currency. */
@StoreTest
class DashboardTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private JsonPath dashboard() {
    return asAdmin(port).get("/api/admin/dashboard").then().statusCode(200).extract().jsonPath();
  }

  private String post(String path, Map<String, Object> body) {
    return given().port(port).contentType(ContentType.JSON).body(body).post(path).then()
        .statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(200)).or(org.hamcrest.Matchers.is(201)))
        .extract().path("id");
  }

  private long revenueToday(JsonPath dashboard, String currency) {
    List<Map<String, Object>> revenue = dashboard.getList("revenueToday");
    return revenue.stream().filter(money -> money.get("currency").equals(currency))
        .mapToLong(money -> ((Number) money.get("amount")).longValue()).sum();
  }

  /** Orders created today in the market (every market when null), from the dashboard's hours. */
  private static long ordersToday(JsonPath dashboard, String market) {
    return todayByHour(dashboard, market).mapToLong(hour -> ((Number) hour.get("orders")).longValue()).sum();
  }

  private static long revenueTodayByHour(JsonPath dashboard, String market) {
    return todayByHour(dashboard, market)
        .mapToLong(hour -> ((Number) ((Map<?, ?>) hour.get("revenue")).get("amount")).longValue()).sum();
  }

  private static java.util.stream.Stream<Map<String, Object>> todayByHour(JsonPath dashboard, String market) {
    List<Map<String, Object>> hours = dashboard.getList("todayByHour");
    return hours.stream().filter(hour -> market == null || market.equals(hour.get("market")));
  }

  /**
   * The dashboard once the read models hold every cart and order event written so far, and nothing
   * changed since the previous look (other tests' orders may still move on by themselves).
   */
  private JsonPath settledDashboard() {
    JsonPath[] last = {dashboard()};
    return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
        .until(() -> {
          boolean caughtUp = jdbc.sql(Projections.EVENTS_NOT_YET_PROJECTED).query(Long.class).single() == 0;
          JsonPath now = dashboard();
          boolean same = now.prettify().equals(last[0].prettify());
          last[0] = now;
          return caughtUp && same ? now : null;
        }, java.util.Objects::nonNull);
  }

  @Test
  void aPaidOrderMovesTheCountsAndTodaysRevenueInItsCurrency() {
    JsonPath before = settledDashboard();
    assertThat(before.getList("days")).hasSize(DashboardController.DAYS);
    assertThat(before.getString("days[13].day")).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());

    String cart = post("/api/carts", Map.of("market", "FI"));
    post("/api/carts/" + cart + "/items", Map.of("sku", "BOOK-000001", "quantity", 3));
    String order = post("/api/orders", Map.of("cartId", cart));
    given().port(port).contentType(ContentType.JSON).body(Map.of("email", "mia@example.com", "name", "Mia",
            "shippingAddress", Map.of("line1", "Esplanadi 1", "city", "Helsinki", "postalCode", "00100",
                "country", "FI")))
        .put("/api/orders/" + order + "/contact").then().statusCode(200);
    String payment = post("/api/orders/" + order + "/payments", Map.of("method", "card", "token", "tok_approve"));
    long amount = given().port(port).contentType(ContentType.JSON)
        .post("/api/orders/" + order + "/payments/" + payment + "/authorize").then().statusCode(200)
        .extract().jsonPath().getLong("amount.amount");

    JsonPath after = await().atMost(Duration.ofSeconds(10)).until(this::dashboard,
        now -> now.getLong("ordersByStatus.PAYMENT_AUTHORIZED") == before.getLong("ordersByStatus.PAYMENT_AUTHORIZED") + 1
            && now.getLong("cartsByStatus.CHECKED_OUT") == before.getLong("cartsByStatus.CHECKED_OUT") + 1);
    assertThat(revenueToday(after, "EUR")).isEqualTo(revenueToday(before, "EUR") + amount);
    assertThat(revenueToday(after, "SEK")).isEqualTo(revenueToday(before, "SEK"));
    assertThat(after.getLong("days[13].orders")).isEqualTo(before.getLong("days[13].orders") + 1);
    assertThat(after.getLong("activeCartsLastHour")).isEqualTo(before.getLong("activeCartsLastHour"));
    // Today by hour and market adds up to today's figures, and the paid order is in Finland's hours.
    assertThat(ordersToday(after, "FI")).isEqualTo(ordersToday(before, "FI") + 1);
    assertThat(revenueTodayByHour(after, "FI")).isEqualTo(revenueTodayByHour(before, "FI") + amount);
    assertThat(ordersToday(after, null)).isEqualTo(after.getLong("days[13].orders"));
    assertThat(revenueTodayByHour(after, null)).isEqualTo(after.getList("revenueToday", Map.class).stream()
        .mapToLong(money -> ((Number) money.get("amount")).longValue()).sum());
    assertThat(after.getMap("exchangeRates")).containsKeys("SEK", "NOK", "DKK", "EUR");

    post("/api/carts", Map.of("market", "SE"));
    await().atMost(Duration.ofSeconds(10)).until(this::dashboard,
        now -> now.getLong("cartsByStatus.OPEN") == after.getLong("cartsByStatus.OPEN") + 1
            && now.getLong("activeCartsLastHour") == after.getLong("activeCartsLastHour") + 1);
  }
}
