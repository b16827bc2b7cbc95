package org.monostore.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The OpenAPI document covers the whole contract, and the Scalar page needs nothing from outside. */
@StoreTest
class ApiDocsTest {

  @LocalServerPort int port;

  @Test
  void theOpenApiDocumentHasEveryEndpointOfTheContract() {
    JsonPath api = given().port(port).get("/v3/api-docs").then().statusCode(200).extract().jsonPath();
    Map<String, Map<String, Object>> paths = api.getMap("paths");
    assertThat(paths).containsKeys(
        "/api/products", "/api/products/{sku}", "/api/carts", "/api/carts/{cartId}", "/api/carts/{cartId}/items",
        "/api/carts/{cartId}/items/{sku}", "/api/carts/{cartId}/items/{sku}/increase",
        "/api/carts/{cartId}/items/{sku}/decrease", "/api/orders", "/api/orders/{orderId}",
        "/api/orders/{orderId}/contact", "/api/orders/{orderId}/payments",
        "/api/orders/{orderId}/payments/{paymentId}/authorize", "/api/orders/{orderId}/cancel",
        "/api/orders/{orderId}/fulfillment", "/api/fulfillments/{fulfillmentId}/pick",
        "/api/fulfillments/{fulfillmentId}/ship", "/api/fulfillments/{fulfillmentId}/deliver",
        "/api/fulfillments/{fulfillmentId}/cancel");
    assertThat(paths.get("/api/carts/{cartId}/items/{sku}")).containsKeys("put", "delete");
    assertThat(paths.get("/api/carts/{cartId}/items")).containsKeys("post", "delete");
  }

  @Test
  void theReferenceReadsInTheOrderAShopperGoesAndSaysWhereEachIdComesFrom() {
    String document = given().port(port).get("/v3/api-docs").asString();
    JsonPath api = JsonPath.from(document);
    // The document's own order (a parsed map would not keep it): each path where it first appears as a key.
    List<String> paths = api.getMap("paths").keySet().stream().map(String::valueOf)
        .sorted(java.util.Comparator.comparing(path -> document.indexOf("\"" + path + "\":{")))
        .toList();
    assertThat(paths).containsSubsequence("/api/products", "/api/carts", "/api/orders",
        "/api/orders/{orderId}/contact", "/api/orders/{orderId}/payments",
        "/api/orders/{orderId}/payments/{paymentId}/authorize", "/api/orders/{orderId}/fulfillment",
        "/api/fulfillments/{fulfillmentId}/pick", "/api/fulfillments/{fulfillmentId}/ship",
        "/api/fulfillments/{fulfillmentId}/deliver");
    List<Map<String, Object>> parameters =
        api.getList("paths.'/api/orders/{orderId}/payments/{paymentId}/authorize'.post.parameters");
    assertThat(parameters).filteredOn(parameter -> "path".equals(parameter.get("in")))
        .extracting(parameter -> String.valueOf(parameter.get("description")))
        .containsExactlyInAnyOrder("The order's `id`, as Create a purchase order answered it",
            "The payment's `id`, as Add a payment answered it");
    // The reference's sidebar follows the document's groups: the shop's first, as a shopper goes, then the admin's.
    assertThat(api.getList("tags.name", String.class)).containsExactly("Products", "Carts", "Orders", "Fulfilment",
        "Admin: session", "Admin: dashboard", "Admin: carts", "Admin: orders", "Admin: promotions", "Admin: stock",
        "Admin: cluster");
    assertThat(api.getMap("components.schemas.ContactInput.example")).doesNotContainKey("billingAddress");
    assertThat(api.getString("components.schemas.NewOrder.properties.cartId.example")).isNotBlank();
  }

  @Test
  void everyOperationDocumentsItsProblemResponses() {
    JsonPath api = given().port(port).get("/v3/api-docs").jsonPath();
    assertThat(api.getMap("components.schemas"))
        .containsKeys("Problem", "Cart", "Product", "Money", "Order", "Pricing", "Payment", "Fulfillment", "Contact");
    assertThat(api.getMap("components.schemas.Problem.properties")).containsKeys("field", "currentStatus", "allowed");
    assertThat(api.getMap("paths.'/api/orders/{orderId}/payments'.post.responses"))
        .containsKeys("201", "400", "404", "409", "413", "503");
    assertThat(api.getMap("paths.'/api/fulfillments/{fulfillmentId}/pick'.post.responses")).containsKey("409");
    assertThat(api.getMap("paths.'/api/orders/{orderId}'.get.responses")).doesNotContainKey("409");
    Map<String, Object> addItem = api.getMap("paths.'/api/carts/{cartId}/items'.post.responses");
    assertThat(addItem).containsKeys("200", "400", "404", "409", "413", "503");
    assertThat(api.getMap("paths.'/api/carts'.post.responses")).containsKeys("201", "400", "503");
    Map<String, Object> product = api.getMap("paths.'/api/products/{sku}'.get.responses");
    assertThat(product).containsKeys("200", "400", "404", "503");
  }

  @Test
  void everyOperationNamesWhoMayCallIt() {
    JsonPath api = given().port(port).get("/v3/api-docs").jsonPath();
    Map<String, List<String>> basic = Map.of("adminBasic", List.of());
    Map<String, List<String>> session = Map.of("adminSession", List.of());
    Map<String, List<String>> sessionChange =
        Map.of("adminSession", List.of(), "csrfCookie", List.of(), "csrfHeader", List.of());
    assertThat(api.getMap("components.securitySchemes")).containsOnlyKeys(
        "adminBasic", "adminSession", "csrfCookie", "csrfHeader");
    assertThat(api.getList("paths.'/api/products/{sku}'.get.security")).isEmpty();
    assertThat(api.getList("paths.'/api/carts/{cartId}/items'.post.security")).isEmpty();
    assertThat(api.getList("paths.'/api/orders/{orderId}/payments/{paymentId}/authorize'.post.security")).isEmpty();
    assertThat(api.getList("paths.'/api/admin/dashboard'.get.security")).containsExactly(basic, session);
    assertThat(api.getList("paths.'/api/admin/orders/{orderId}/cancel'.post.security"))
        .containsExactly(basic, sessionChange);
    assertThat(api.getList("paths.'/api/fulfillments/{fulfillmentId}/pick'.post.security"))
        .containsExactly(basic, sessionChange);
    assertThat(api.getList("paths.'/api/admin/session'.post.security"))
        .containsExactly(Map.of("csrfCookie", List.of(), "csrfHeader", List.of()));
    assertThat(api.getMap("paths.'/api/admin/carts'.get.responses")).containsKeys("401", "403");
    assertThat(api.getMap("paths.'/api/carts/{cartId}'.get.responses")).doesNotContainKeys("401", "403");
    assertThat(api.getList("paths.'/api/admin/session'.get.parameters")).isNull();
  }

  @Test
  void theApiReferencePageIsServedWithItsScriptAndNoOutsideAddresses() {
    String page = given().port(port).get("/docs").then().statusCode(200)
        .contentType(containsString("text/html")).extract().asString();
    assertThat(page).contains("/docs/scalar.js", "/v3/api-docs", "\"telemetry\":false", "\"withDefaultFonts\":false",
        "\"agent\":{\"disabled\":true}", "\"hideClientButton\":true", "\"showDeveloperTools\":\"never\"");
    assertThat(page).doesNotContain("http://", "https://");
    given().port(port).get("/docs/scalar.js").then().statusCode(200).contentType(containsString("javascript"));
  }

  @Test
  void healthLivenessReadinessAndMetricsAreServed() {
    given().port(port).get("/actuator/health/liveness").then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("UP"));
    // Its components and details, and the metrics, are for admins (admin/ActuatorAccessTest).
    JsonPath readiness = TestUsers.asAdmin(port).get("/actuator/health/readiness").then().statusCode(200).extract().jsonPath();
    assertThat(readiness.getString("status")).isEqualTo("UP");
    assertThat(readiness.getMap("components")).containsKeys("db", "cluster", "readinessState");
    assertThat(readiness.getString("components.cluster.details.memberStatus")).isEqualTo("Up");
    given().port(port).get("/api/products/BOOK-000001").then().statusCode(200);
    String metrics = TestUsers.asAdmin(port).get("/actuator/prometheus").then().statusCode(200).extract().asString();
    assertThat(metrics).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count",
        "monostore_projections_behind_events");
    assertThat(List.of(metrics.split("\n"))).anyMatch(line -> line.contains("uri=\"/api/products/{sku}\""));
    // Requests being served, counted without a long task timer per request: at least this scrape.
    assertThat(List.of(metrics.split("\n"))).anyMatch(line -> line.matches("http_server_requests_in_flight [1-9]\\d*\\.0"));
    assertThat(metrics).doesNotContain("http_server_requests_active");
    // The read models' lag: a count the database answered, not NaN.
    assertThat(List.of(metrics.split("\n"))).anyMatch(line -> line.matches("monostore_projections_behind_events \\d+\\.0"));
  }
}
