package org.monostore.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.monostore.TestStores;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * While PostgreSQL is unreachable the API answers 503 with Retry-After and changes nothing; when it is
 * back, the store carries on by itself, without a restart.
 */
class DatabaseOutageTest {

  @TempDir Path databaseFolder;

  @Test
  void anUnreachableDatabaseIsA503AndTheStoreRecoversWhenItReturns() throws IOException {
    int databasePort = TestStores.freePort();
    EmbeddedPostgres database = EmbeddedDatabase.start(databaseFolder, databasePort);
    try (ConfigurableApplicationContext store = TestStores.onDatabase(
        "jdbc:postgresql://localhost:" + databasePort + "/postgres", Map.of("monostore.ask-timeout", "2s"))) {
      int port = TestStores.httpPort(store);
      String cart = api(port).post("/api/carts").then().statusCode(201).extract().path("id");
      api(port).body(Map.of("sku", "TOYS-000002", "quantity", 1)).post("/api/carts/" + cart + "/items")
          .then().statusCode(200);

      database.close();

      api(port).body(Map.of("sku", "TOYS-000003", "quantity", 1)).post("/api/carts/" + cart + "/items").then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", equalTo("2"));
      api(port).post("/api/carts").then().statusCode(503).header("Retry-After", equalTo("2"));
      api(port).get("/api/products?q=lamp").then().statusCode(503).header("Retry-After", equalTo("2"));
      api(port).get("/actuator/health/readiness").then().statusCode(503);

      database = EmbeddedDatabase.start(databaseFolder, databasePort);

      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() ->
          api(port).body(Map.of("sku", "TOYS-000004", "quantity", 1)).post("/api/carts/" + cart + "/items")
              .statusCode() == 200);
      var lines = api(port).get("/api/carts/" + cart).then().statusCode(200).extract().jsonPath()
          .getList("lines.sku", String.class);
      assertThat(lines).containsExactly("TOYS-000002", "TOYS-000004");
      api(port).get("/api/products?q=lamp").then().statusCode(200);
      api(port).get("/actuator/health/readiness").then().statusCode(200);
    } finally {
      database.close();
    }
  }

  private static RequestSpecification api(int port) {
    return given().port(port).contentType(ContentType.JSON);
  }
}
