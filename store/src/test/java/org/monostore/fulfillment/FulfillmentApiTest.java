package org.monostore.fulfillment;

import static io.restassured.RestAssured.given;
import static org.monostore.Problems.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.monostore.StoreTest;
import org.monostore.TestUsers;
import org.monostore.fulfillment.Fulfillment.Item;
import org.monostore.shared.Address;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The fulfilment API over real HTTP against the running store on a real PostgreSQL, as the admin (the
 * warehouse's routes are for admins only). Fulfilments are created the way the purchase order creates
 * them, through {@link Fulfillments}.
 */
@StoreTest
class FulfillmentApiTest {

  private static final List<Item> ITEMS = List.of(new Item("BOOK-000001", "A book", 2), new Item("KITC-000001", "A pan", 1));
  private static final Address HOME = new Address("Storgatan 1", "lgh 1102", "Stockholm", "111 51", "SE");
  private static final String TRACKING = "JJD000390007727";

  @LocalServerPort int port;
  @Autowired Fulfillments fulfillments;

  private String orderId;
  private String fulfillment;

  @BeforeEach
  void newFulfillment() throws Exception {
    orderId = UUID.randomUUID().toString();
    fulfillment = UUID.randomUUID().toString();
    Fulfillment.Reply created = fulfillments.create(fulfillment, orderId, ITEMS, HOME)
        .toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(created).isInstanceOf(Fulfillment.Current.class);
  }

  private RequestSpecification api() {
    return TestUsers.asAdmin(port);
  }

  private RequestSpecification anonymous() {
    return given().port(port).contentType(ContentType.JSON);
  }

  private List<Response> everyStep(Supplier<RequestSpecification> caller) {
    return List.of(caller.get().get("/api/fulfillments/" + fulfillment), caller.get().post(path("pick")),
        caller.get().body(Map.of("trackingNumber", TRACKING)).post(path("ship")), caller.get().post(path("deliver")),
        caller.get().post(path("cancel")));
  }

  @Test
  void nobodyButASignedInAdminReadsOrMovesAFulfilment() {
    Map<String, Object> created = currentFulfillment();
    for (Response response : everyStep(this::anonymous)) {
      problem(response, 401);
    }
    for (Response response : everyStep(
        () -> anonymous().auth().preemptive().basic(TestUsers.NOT_ADMIN, TestUsers.NOT_ADMIN_PASSWORD))) {
      problem(response, 403).body("detail", equalTo("Only an admin may do this"));
    }
    assertThat(currentFulfillment()).isEqualTo(created);
  }

  @Test
  void theAdminUisSessionMovesAFulfilmentWithItsCsrfTokenOnly() {
    String token = given().port(port).get("/api/admin/session").cookie("XSRF-TOKEN");
    Response signedIn = anonymous().cookie("XSRF-TOKEN", token).header("X-XSRF-TOKEN", token)
        .body(Map.of("username", TestUsers.ADMIN, "password", TestUsers.ADMIN_PASSWORD)).post("/api/admin/session");
    String session = signedIn.then().statusCode(200).extract().cookie("JSESSIONID");
    String newToken = signedIn.cookie("XSRF-TOKEN");

    anonymous().cookie("JSESSIONID", session).get("/api/fulfillments/" + fulfillment).then().statusCode(200);
    problem(anonymous().cookie("JSESSIONID", session).post(path("pick")), 403);
    assertThat(currentFulfillment()).containsEntry("status", "CREATED");
    anonymous().cookie("JSESSIONID", session).cookie("XSRF-TOKEN", newToken).header("X-XSRF-TOKEN", newToken)
        .post(path("pick")).then().statusCode(200).body("status", equalTo("PICKED"));
  }

  private String path(String step) {
    return "/api/fulfillments/" + fulfillment + "/" + step;
  }

  private Map<String, Object> currentFulfillment() {
    return api().get("/api/fulfillments/" + fulfillment).then().statusCode(200).extract().jsonPath().getMap("$");
  }

  @Test
  void aNewFulfilmentShowsTheOrdersItemsAndAddress() {
    api().get("/api/fulfillments/" + fulfillment).then()
        .statusCode(200)
        .body("id", equalTo(fulfillment))
        .body("orderId", equalTo(orderId))
        .body("status", equalTo("CREATED"))
        .body("items[0].sku", equalTo("BOOK-000001"))
        .body("items[0].name", equalTo("A book"))
        .body("items[0].quantity", equalTo(2))
        .body("items[1].sku", equalTo("KITC-000001"))
        .body("shippingAddress.line1", equalTo("Storgatan 1"))
        .body("shippingAddress.postalCode", equalTo("111 51"))
        .body("shippingAddress.country", equalTo("SE"))
        .body("trackingNumber", nullValue())
        .body("createdAt", not(nullValue()));
  }

  @Test
  void aFulfilmentIsPickedShippedAndDeliveredOverHttp() {
    api().post(path("pick")).then().statusCode(200).body("id", equalTo(fulfillment)).body("status", equalTo("PICKED"));
    api().body(Map.of("trackingNumber", "  " + TRACKING + " ")).post(path("ship")).then()
        .statusCode(200)
        .body("status", equalTo("SHIPPED"))
        .body("trackingNumber", equalTo(TRACKING));
    api().post(path("deliver")).then()
        .statusCode(200)
        .body("status", equalTo("DELIVERED"))
        .body("trackingNumber", equalTo(TRACKING));

    assertThat(currentFulfillment()).containsEntry("status", "DELIVERED").containsEntry("trackingNumber", TRACKING);
    assertThat(fulfillments.get(fulfillment).status()).isEqualTo(Fulfillment.Status.DELIVERED);
  }

  @Test
  void aFulfilmentCanBeCancelledUntilItShips() {
    api().post(path("pick")).then().statusCode(200);

    api().post(path("cancel")).then().statusCode(200).body("status", equalTo("CANCELLED"));
  }

  @Test
  void creatingAgainForTheSameOrderAnswersTheFulfilmentAndAnotherOrderIsAConflict() throws Exception {
    api().post(path("pick")).then().statusCode(200);

    Fulfillment.Reply again = fulfillments.create(fulfillment, orderId, ITEMS, HOME).toCompletableFuture().get(10, TimeUnit.SECONDS);
    Fulfillment.Reply other = fulfillments.create(fulfillment, UUID.randomUUID().toString(), ITEMS, HOME)
        .toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(again).isInstanceOfSatisfying(Fulfillment.Current.class,
        current -> assertThat(current.fulfillment().status()).isEqualTo(Fulfillment.Status.PICKED));
    assertThat(other).isInstanceOfSatisfying(Fulfillment.Rejected.class,
        rejected -> assertThat(rejected.rejection().currentStatus()).isEqualTo("PICKED"));
  }

  // Bad input: a precise problem response, and the fulfilment stays as it was.

  @ParameterizedTest
  @ValueSource(strings = {
    "{}",
    "{\"trackingNumber\": null}",
    "{\"trackingNumber\": \"\"}",
    "{\"trackingNumber\": \"   \"}",
    "{\"trackingNumber\": 1.5}",
    "{\"trackingNumber\": {\"number\": \"JJD000390007727\"}}",
    "{\"trackingNumber\": [\"JJD000390007727\"]}",
    "{\"trackingNumber\": \"<script>alert(1)</script>\"}",
    "{\"trackingNumber\": \"1'; DROP TABLE event_journal; --\"}",
    "{\"trackingNumber\": \"JJD\\n000390007727\"}",
    "{\"trackingNumber\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}"
  })
  void aBadTrackingNumberIsA400NamingItAndShipsNothing(String body) {
    api().post(path("pick")).then().statusCode(200);
    Map<String, Object> before = currentFulfillment();

    problem(api().body(body).post(path("ship")), 400).body("field", equalTo("trackingNumber"));
    assertThat(currentFulfillment()).isEqualTo(before);
  }

  @Test
  void shippingWithoutABodyIsA400NamingTheTrackingNumber() throws Exception {
    api().post(path("pick")).then().statusCode(200);
    Map<String, Object> before = currentFulfillment();

    problem(api().post(path("ship")), 400).body("field", equalTo("trackingNumber"));
    // As curl -X POST sends it: no body and no Content-Type at all.
    var bare = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path("ship")))
            .header("Authorization", basic(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD))
            .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(bare.statusCode()).as(bare.body()).isEqualTo(400);
    assertThat(bare.body()).contains("\"field\":\"trackingNumber\"");
    assertThat(currentFulfillment()).isEqualTo(before);
  }

  @Test
  void aStepTheStatusDoesNotAllowIsA409WithTheStatusAndTheAllowedSteps() {
    Map<String, Object> created = currentFulfillment();
    problem(api().body(Map.of("trackingNumber", TRACKING)).post(path("ship")), 409)
        .body("currentStatus", equalTo("CREATED"))
        .body("allowed", equalTo(List.of("pick", "cancel")));
    problem(api().post(path("deliver")), 409).body("allowed", equalTo(List.of("pick", "cancel")));
    assertThat(currentFulfillment()).isEqualTo(created);

    api().post(path("pick")).then().statusCode(200);
    problem(api().post(path("pick")), 409)
        .body("currentStatus", equalTo("PICKED"))
        .body("allowed", equalTo(List.of("ship", "cancel")))
        .body("detail", containsString("already"));

    api().body(Map.of("trackingNumber", TRACKING)).post(path("ship")).then().statusCode(200);
    problem(api().post(path("cancel")), 409)
        .body("currentStatus", equalTo("SHIPPED"))
        .body("allowed", equalTo(List.of("deliver")));

    api().post(path("deliver")).then().statusCode(200);
    Map<String, Object> delivered = currentFulfillment();
    // Nothing leads on from DELIVERED: the problem says so by leaving out the list of allowed steps.
    problem(api().post(path("cancel")), 409).body("currentStatus", equalTo("DELIVERED")).body("$", not(hasKey("allowed")));
    problem(api().post(path("deliver")), 409).body("currentStatus", equalTo("DELIVERED"));
    assertThat(currentFulfillment()).isEqualTo(delivered);
  }

  @Test
  void aCancelledFulfilmentTakesNoFurtherStep() {
    api().post(path("cancel")).then().statusCode(200);

    for (String step : List.of("pick", "deliver", "cancel")) {
      problem(api().post(path(step)), 409).body("currentStatus", equalTo("CANCELLED"));
    }
    problem(api().body(Map.of("trackingNumber", TRACKING)).post(path("ship")), 409).body("currentStatus", equalTo("CANCELLED"));
    assertThat(currentFulfillment()).containsEntry("status", "CANCELLED").containsEntry("trackingNumber", null);
  }

  @Test
  void anUnknownFulfilmentIsA404() {
    String unknown = "/api/fulfillments/00000000-0000-4000-8000-000000000000";
    problem(api().get(unknown), 404);
    problem(api().post(unknown + "/pick"), 404);
    problem(api().body(Map.of("trackingNumber", TRACKING)).post(unknown + "/ship"), 404);
    problem(api().post(unknown + "/deliver"), 404);
    problem(api().post(unknown + "/cancel"), 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-fulfilment", "12345", "00000000-0000-4000-8000-00000000000", "0'%20OR%20'1'='1",
      "ABCDEF00-0000-4000-8000-000000000000", "%3Cscript%3E"})
  void anIdThatIsNotAFulfilmentIdIsA400(String id) {
    problem(api().get("/api/fulfillments/" + id), 400).body("field", equalTo("fulfillmentId"));
    problem(api().post("/api/fulfillments/" + id + "/pick"), 400).body("field", equalTo("fulfillmentId"));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theApiDocumentDescribesEveryFulfilmentCall() {
    JsonPath docs = given().port(port).get("/v3/api-docs").then().statusCode(200).extract().jsonPath();
    String one = "/api/fulfillments/{fulfillmentId}";

    assertThat(docs.getMap("paths")).containsKeys(one, one + "/pick", one + "/ship", one + "/deliver", one + "/cancel");
    assertThat(docs.getMap("paths.'" + one + "'")).containsOnlyKeys("get");
    assertThat(docs.getMap("paths.'" + one + "/ship'.post.requestBody")).isNotNull();
    assertThat(docs.getMap("components.schemas")).containsKeys("Fulfillment", "FulfillmentItem", "Address");
    assertThat(docs.getMap("components.schemas.Fulfillment.properties"))
        .containsKeys("id", "orderId", "status", "items", "shippingAddress", "trackingNumber", "createdAt", "updatedAt");
  }
}
