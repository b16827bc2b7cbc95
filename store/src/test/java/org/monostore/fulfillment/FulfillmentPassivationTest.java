package org.monostore.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.monostore.TestUsers.asAdmin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.Test;
import org.monostore.IdleStoreTest;
import org.monostore.TestStores;
import org.monostore.fulfillment.Fulfillment.Item;
import org.monostore.shared.Address;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An idle fulfilment goes to sleep after the idle timeout, and the next call wakes it as it was. */
@IdleStoreTest
class FulfillmentPassivationTest {

  @LocalServerPort int port;
  @Autowired ActorSystem<Void> system;
  @Autowired Fulfillments fulfillments;

  @Test
  void anIdleFulfilmentPassivatesAndWakesWithItsStatusTrackingNumberAndItems() {
    String fulfillment = UUID.randomUUID().toString();
    List<Item> items = List.of(new Item("GRDN-000001", "A spade", 3), new Item("BEAU-000001", "Soap", 1));
    Address home = new Address("Storgatan 1", null, "Stockholm", "111 51", "SE");
    assertThat(fulfillments.create(fulfillment, UUID.randomUUID().toString(), items, home).toCompletableFuture().join())
        .isInstanceOf(Fulfillment.Current.class);
    String path = "/api/fulfillments/" + fulfillment;
    asAdmin(port).post(path + "/pick").then().statusCode(200);
    asAdmin(port).body(Map.of("trackingNumber", "RR-123-456-SE")).post(path + "/ship").then().statusCode(200);
    var before = asAdmin(port).get(path).then().extract().jsonPath().getMap("$");
    assertThat(liveFulfillments()).contains(fulfillment);

    await().atMost(Duration.ofSeconds(30)).until(() -> !liveFulfillments().contains(fulfillment));

    asAdmin(port).get(path).then()
        .statusCode(200)
        .body("status", equalTo("SHIPPED"))
        .body("trackingNumber", equalTo("RR-123-456-SE"))
        .body("items[0].sku", equalTo("GRDN-000001"))
        .body("items[0].quantity", equalTo(3))
        .body("items[1].sku", equalTo("BEAU-000001"))
        .body("shippingAddress.city", equalTo("Stockholm"));
    assertThat(asAdmin(port).get(path).then().extract().jsonPath().getMap("$")).isEqualTo(before);
    assertThat(liveFulfillments()).contains(fulfillment);
    asAdmin(port).post(path + "/deliver").then().statusCode(200).body("status", equalTo("DELIVERED"));
  }

  private Set<String> liveFulfillments() {
    return TestStores.liveEntityIds(system, Fulfillment.ENTITY_KEY);
  }
}
