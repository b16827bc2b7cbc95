package org.monostore.promotion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo promotions: defined once whichever node starts first, and pricing carts at once. */
@StoreTest
class DemoPromotionsTest {

  @LocalServerPort int port;
  @Autowired DemoPromotions demo;
  @Autowired LivePromotions live;

  /** The tests share one store: the others price without the demo promotions. */
  @AfterEach
  void endThem() {
    List<String> ids = DemoPromotions.ALL.keySet().stream().map(DemoPromotions::idOf).toList();
    ids.forEach(id -> asAdmin(port).post("/api/admin/promotions/" + id + "/end"));
    await().atMost(Duration.ofSeconds(10)).until(() -> live.all().stream()
        .filter(promotion -> ids.contains(promotion.id()))
        .allMatch(promotion -> promotion.status() == Promotion.Status.ENDED));
  }

  @Test
  void theDemoPromotionsAreDefinedOnceAndPriceACartAtOnce() {
    assertThat(demo.define()).isEqualTo(DemoPromotions.ALL.size());
    assertThat(demo.define()).as("defined again: the same promotions, found as they are")
        .isEqualTo(DemoPromotions.ALL.size());

    List<String> ids = DemoPromotions.ALL.keySet().stream().map(DemoPromotions::idOf).toList();
    await().atMost(Duration.ofSeconds(10)).until(() -> live.all().stream().map(PromotionView::id).toList()
        .containsAll(ids));
    assertThat(live.all().stream().filter(promotion -> ids.contains(promotion.id()))).hasSize(ids.size());

    String cart = given().port(port).contentType(ContentType.JSON).body(Map.of("market", "SE")).post("/api/carts")
        .then().statusCode(201).extract().path("id");
    JsonPath priced = given().port(port).contentType(ContentType.JSON)
        .body(Map.of("sku", "BOOK-000001", "quantity", 1)).post("/api/carts/" + cart + "/items")
        .then().statusCode(200).extract().jsonPath();
    assertThat(priced.getList("promotions.applied.name")).containsExactly("10 % off books");
    assertThat(priced.getList("promotions.notApplied.name")).containsExactly("Spend more, save more");
  }
}
