package org.monostore.cart;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.TestStores;
import org.springframework.context.ConfigurableApplicationContext;

/** Changes acknowledged over HTTP survive a full restart: new actor system, same database folder. */
class CartDurabilityTest {

  @TempDir Path databaseFolder;

  @Test
  void acknowledgedChangesSurviveARestartOfTheWholeStore() {
    String cart;
    Map<String, Object> acknowledged;
    try (ConfigurableApplicationContext store = TestStores.withEmbeddedDatabase(databaseFolder, Map.of())) {
      int port = TestStores.httpPort(store);
      cart = given().port(port).contentType(ContentType.JSON).post("/api/carts").then().statusCode(201).extract().path("id");
      for (String sku : new String[] {"OFFC-000001", "OFFC-000002", "OFFC-000003"}) {
        given().port(port).contentType(ContentType.JSON).body(Map.of("sku", sku, "quantity", 2))
            .post("/api/carts/" + cart + "/items").then().statusCode(200);
      }
      given().port(port).contentType(ContentType.JSON).post("/api/carts/" + cart + "/items/OFFC-000001/increase").then().statusCode(200);
      given().port(port).delete("/api/carts/" + cart + "/items/OFFC-000002").then().statusCode(200);
      acknowledged = given().port(port).contentType(ContentType.JSON).body(Map.of("quantity", 7))
          .put("/api/carts/" + cart + "/items/OFFC-000003").then().statusCode(200).extract().jsonPath().getMap("$");
    }

    try (ConfigurableApplicationContext restarted = TestStores.withEmbeddedDatabase(databaseFolder, Map.of())) {
      Map<String, Object> recovered = given().port(TestStores.httpPort(restarted)).get("/api/carts/" + cart)
          .then().statusCode(200).extract().jsonPath().getMap("$");
      assertThat(recovered).isEqualTo(acknowledged);
    }
  }
}
