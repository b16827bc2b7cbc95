package org.monostore.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.monostore.Problems.problem;
import static org.monostore.TestUsers.asAdmin;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monostore.StoreTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A cancelled fulfilment never leaves a paid order stuck: the order is paid with nothing on its way,
 * and can be fulfilled again (with a fulfilment of its own, new random id) or cancelled by an admin,
 * which gives the payment back. The same holds whichever route cancels the fulfilment.
 */
@StoreTest
class FulfillmentCancellationApiTest {

  private static final String PEN = "OFFC-000003";

  @LocalServerPort int port;
  private Shopper shopper;

  @BeforeEach
  void shopper() {
    shopper = new Shopper(port);
  }

  @Test
  void aPaidOrderWhoseFulfilmentIsCancelledCanBeFulfilledAgain() {
    String order = shopper.paidOrder(PEN, 1);
    String first = createFulfillment(order);

    asAdmin(port).post("/api/fulfillments/" + first + "/cancel").then().statusCode(200)
        .body("status", equalTo("CANCELLED"));

    JsonPath paid = shopper.order(order);
    assertThat(paid.getString("status")).isEqualTo("PAYMENT_AUTHORIZED");
    assertThat(paid.getList("allowedActions")).contains("createFulfillment");
    String second = createFulfillment(order);
    assertThat(second).isNotEqualTo(first);
    assertThat(List.of(first, second)).as("random, not derived from the order's id as they were")
        .doesNotContain(OrderState.fulfillmentIdOf(order));
    assertThat(shopper.order(order).getString("fulfillment.status")).isEqualTo("CREATED");
  }

  @Test
  void theTimelineKeepsTheEventsOfACancelledFulfilmentNextToThoseOfTheNextOne() {
    String order = shopper.paidOrder(PEN, 1);
    String first = createFulfillment(order);
    asAdmin(port).post("/api/fulfillments/" + first + "/pick").then().statusCode(200);
    asAdmin(port).post("/api/fulfillments/" + first + "/cancel").then().statusCode(200);
    String second = createFulfillment(order);

    JsonPath fulfilledAgain = shopper.order(order);
    assertThat(fulfilledAgain.getList("timeline.findAll { it.sourceId == '" + first + "' }.event", String.class))
        .containsExactly("FulfillmentCreated", "FulfillmentEditedByAdmin", "ItemsPicked", "FulfillmentEditedByAdmin",
            "FulfillmentCancelled");
    assertThat(fulfilledAgain.getList("timeline.findAll { it.sourceId == '" + second + "' }.event", String.class))
        .containsExactly("FulfillmentCreated");
  }

  @Test
  void aPaidOrderWhoseFulfilmentIsCancelledCanBeCancelledAndItsPaymentIsReleased() {
    String order = shopper.paidOrder(PEN, 1);
    createFulfillment(order);

    asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment/cancel").then().statusCode(200)
        .body("status", equalTo("PAYMENT_AUTHORIZED"))
        .body("allowedActions", hasItem("createFulfillment"));
    asAdmin(port).post("/api/admin/orders/" + order + "/cancel").then().statusCode(200)
        .body("status", equalTo("CANCELLED"));

    await().atMost(Duration.ofSeconds(10)).until(() ->
        shopper.order(order).getString("payments[0].status").equals("RELEASED"));
  }

  @Test
  void anOrderWithoutAFulfilmentHasNoneToCancel() {
    String order = shopper.paidOrder(PEN, 1);

    problem(asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment/cancel"), 409)
        .body("currentStatus", equalTo("PAYMENT_AUTHORIZED"));
  }

  @Test
  void aShippedFulfilmentIsNotCancelledAndTheOrderStaysAsItIs() {
    String order = shopper.paidOrder(PEN, 1);
    createFulfillment(order);
    asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment/pick").then().statusCode(200);
    asAdmin(port).body("{\"trackingNumber\": \"PN123456789SE\"}")
        .post("/api/admin/orders/" + order + "/fulfillment/ship").then().statusCode(200);

    problem(asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment/cancel"), 409)
        .body("currentStatus", equalTo("SHIPPED"));
    assertThat(shopper.order(order).getString("status")).isEqualTo("FULFILLMENT_CREATED");
  }

  private String createFulfillment(String order) {
    return asAdmin(port).post("/api/admin/orders/" + order + "/fulfillment").then().statusCode(201)
        .extract().path("fulfillment.id");
  }
}
