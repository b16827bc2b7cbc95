package org.monostore.cart;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Snapshots of older forms still wake the cart: one stored under the state's old class name,
 * {@code Cart$State}, and one from before the cart remembered Idempotency-Keys.
 */
class CartStateMigrationTest {

  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create(ConfigFactory.parseResources("pekko/serialization.conf"));
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  /**
   * A snapshot of an open cart as the store wrote it before carts remembered Idempotency-Keys and holds
   * for an authorization (it reads as not authorizing, with no keys): serializer
   * id, manifest and the bytes (base64 of the CBOR) of the stored row.
   */
  private static final int OLD_SERIALIZER = 33;
  private static final String OLD_MANIFEST = "org.monostore.cart.CartState";
  private static final String SNAPSHOT_WITHOUT_KEYS = "v2ZtYXJrZXRiU0VoY3VycmVuY3ljU0VLZnN0YXR1c2RPUEVOZWxpbmVzgb9jc2t1a0JPT0stMDAw"
      + "MDAxZG5hbWVkQm9va2hjYXRlZ29yeWVCb29rc2hxdWFudGl0eQJpdW5pdFByaWNlGU28/2dvcmRlcklk9mljcmVhdGVkQXR0MjAy"
      + "Ni0xMS0zMFQxMjowMDowMFppdXBkYXRlZEF0dDIwMjYtMTEtMzBUMTI6MDA6MDVa/w==";

  @Test
  void aSnapshotFromBeforeIdempotencyKeysAndHoldsReadsWithNoKeysAndNotHeld() {
    Instant at = Instant.parse("2026-11-30T12:00:00Z");
    Serialization serialization = SerializationExtension.get(testKit.system());

    Object read = serialization
        .deserialize(Base64.getDecoder().decode(SNAPSHOT_WITHOUT_KEYS), OLD_SERIALIZER, OLD_MANIFEST).get();

    assertThat(read).isEqualTo(new CartState("SE", "SEK", Cart.Status.OPEN,
        List.of(new Cart.Line("BOOK-000001", "Book", "Books", 2, 19_900)), null, false, at, at.plusSeconds(5),
        List.of()));
  }

  @Test
  void aSnapshotWithKeysReadsWithThem() {
    Instant at = Instant.parse("2026-12-01T12:00:00Z");
    CartState state = new CartState("SE", "SEK", Cart.Status.OPEN, List.of(), null, false, at, at,
        List.of(new Cart.KeyedRequest("key-1", "increase BOOK-000001 by 2", null, at),
            new Cart.KeyedRequest("key-2", RequestKeys.ORDER, "order-1", at.plusSeconds(1))));
    Serialization serialization = SerializationExtension.get(testKit.system());
    Serializer serializer = serialization.findSerializerFor(state);

    Object read = serialization.deserialize(serialization.serialize(state).get(), serializer.identifier(),
        Serializers.manifestFor(serializer, state)).get();

    assertThat(read).isEqualTo(state);
  }

  @Test
  void aSnapshotWrittenAsCartStateBeforeTheMoveReadsAsCartState() {
    Instant at = Instant.parse("2026-11-30T12:00:00Z");
    CartState state = new CartState("SE", "SEK", Cart.Status.LOCKED,
        List.of(new Cart.Line("BOOK-000001", "Book", "Books", 2, 19_900)), "order-1", true, at,
        at.plusSeconds(5), List.of());
    Serialization serialization = SerializationExtension.get(testKit.system());
    // Snapshots were jackson-cbor's then, under the class's name.
    byte[] bytes = serialization.serializerByIdentity().get(OLD_SERIALIZER).get().toBinary(state);

    // The same fields, as the snapshot store holds them for carts snapshotted before the move.
    Object read = serialization.deserialize(bytes, OLD_SERIALIZER, "org.monostore.cart.Cart$State").get();

    assertThat(read).isEqualTo(state);
  }
}
