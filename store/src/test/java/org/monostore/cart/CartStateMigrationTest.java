package org.monostore.cart;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.monostore.platform.CborSerializable;

/** A snapshot stored under the state's old class name, {@code Cart$State}, still wakes the cart. */
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

  @Test
  void aSnapshotWrittenAsCartStateBeforeTheMoveReadsAsCartState() {
    Instant at = Instant.parse("2026-11-30T12:00:00Z");
    CartState state = new CartState("SE", "SEK", Cart.Status.LOCKED,
        List.of(new Cart.Line("BOOK-000001", "Book", "Books", 2, 19_900)), "order-1", true, at,
        at.plusSeconds(5));
    Serialization serialization = SerializationExtension.get(testKit.system());
    Serializer serializer = serialization.findSerializerFor(state);
    byte[] bytes = serialization.serialize(state).get();
    assertThat(Serializers.manifestFor(serializer, state)).isEqualTo("org.monostore.cart.CartState");

    // The same fields, as the snapshot store holds them for carts snapshotted before the move.
    Object read = serialization.deserialize(bytes, serializer.identifier(), "org.monostore.cart.Cart$State").get();

    assertThat(read).isEqualTo(state);
  }

  /** The fields of a cart's snapshot before the hold for an authorization was recorded. */
  record CartStateBeforeHolds(
      String market, String currency, Cart.Status status, List<Cart.Line> lines, String orderId, Instant createdAt,
      Instant updatedAt) implements CborSerializable {}

  @Test
  void aSnapshotWrittenBeforeHoldsWereRecordedReadsAsNotAuthorizing() {
    Instant at = Instant.parse("2026-11-30T12:00:00Z");
    var before = new CartStateBeforeHolds("SE", "SEK", Cart.Status.LOCKED,
        List.of(new Cart.Line("BOOK-000001", "Book", "Books", 2, 19_900)), "order-1", at, at.plusSeconds(5));
    Serialization serialization = SerializationExtension.get(testKit.system());
    Serializer serializer = serialization.findSerializerFor(before);
    byte[] bytes = serialization.serialize(before).get();

    Object read = serialization.deserialize(bytes, serializer.identifier(), "org.monostore.cart.CartState").get();

    assertThat(read).isEqualTo(new CartState("SE", "SEK", Cart.Status.LOCKED, before.lines(), "order-1", false, at,
        at.plusSeconds(5)));
  }
}
