package org.monostore.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.TestStores;
import org.monostore.TestUsers;
import org.springframework.context.ConfigurableApplicationContext;

/** A new store counts the demo products' opening stock once: a restart does not count it again. */
class DemoStockTest {

  private static final Map<String, Object> WITH_DEMO_STOCK =
      Map.of("monostore.stock.demo-stock", "true", "monostore.admin.password", TestUsers.ADMIN_PASSWORD);

  @TempDir Path databaseFolder;

  private static JsonPath stock(int port, String sku) {
    return asAdmin(port).get("/api/admin/products/" + sku + "/stock").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void theDemoProductsGetTheirOpeningStockOnceAndTheTenthIsSoldOut() {
    DemoStock.Opening last = DemoStock.ALL.getLast();
    try (ConfigurableApplicationContext store = TestStores.withEmbeddedDatabase(databaseFolder, WITH_DEMO_STOCK)) {
      int port = TestStores.httpPort(store);
      await().atMost(Duration.ofSeconds(30)).until(() -> stock(port, last.sku()).getBoolean("tracked"));
      for (DemoStock.Opening opening : DemoStock.ALL) {
        assertThat(stock(port, opening.sku()).getLong("onHand")).as(opening.sku()).isEqualTo(opening.quantity());
      }
      assertThat(last.quantity()).isZero();
      asAdmin(port).body(Map.of("quantity", 4)).post("/api/admin/products/BOOK-000003/stock/receipts").then()
          .statusCode(200);
    }

    try (ConfigurableApplicationContext restarted = TestStores.withEmbeddedDatabase(databaseFolder, WITH_DEMO_STOCK)) {
      int port = TestStores.httpPort(restarted);
      DemoStock demo = restarted.getBean(DemoStock.class);
      assertThat(demo.count()).isEqualTo(DemoStock.ALL.size());
      long opening = DemoStock.ALL.stream().filter(o -> o.sku().equals("BOOK-000003")).findFirst().orElseThrow()
          .quantity();
      assertThat(stock(port, "BOOK-000003").getLong("onHand")).as("counted once, the admin's receipt kept")
          .isEqualTo(opening + 4);
    }
  }
}
