package org.monostore.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.monostore.cart.Cart.RequestKeyRecorded;

/** The window of keys a cart remembers: its last few, each for a while. */
class RequestKeysTest {

  private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");
  private static final CartState OPEN = CartState.NONE.apply(new Cart.CartCreated("SE", "SEK", T));

  @Test
  void aCartRemembersOnlyItsLastKeys() {
    RequestKeys lastTwo = new RequestKeys(2, Duration.ofHours(24));

    CartState cart = record(lastTwo, OPEN, "a", T, "b", T.plusSeconds(1), "c", T.plusSeconds(2));

    assertThat(cart.keys()).extracting(Cart.KeyedRequest::key).containsExactly("b", "c");
    assertThat(lastTwo.find(cart, "a", T.plusSeconds(3))).isNull();
    assertThat(lastTwo.find(cart, "b", T.plusSeconds(3)).request()).isEqualTo("request b");
  }

  @Test
  void aKeyIsForgottenOnceItsWindowHasPassed() {
    RequestKeys anHour = new RequestKeys(50, Duration.ofHours(1));

    CartState cart = record(anHour, OPEN, "a", T, "b", T.plusSeconds(1800), "c", T.plusSeconds(3601));

    assertThat(cart.keys()).extracting(Cart.KeyedRequest::key).containsExactly("b", "c");
    assertThat(anHour.find(cart, "b", T.plusSeconds(5400))).isNotNull();
    assertThat(anHour.find(cart, "b", T.plusSeconds(5401))).as("an hour and a second after b").isNull();
  }

  @Test
  void aForgottenKeyUsedAgainIsRecordedAnewOnce() {
    RequestKeys anHour = new RequestKeys(50, Duration.ofHours(1));

    CartState cart = record(anHour, OPEN, "a", T, "b", T.plusSeconds(60), "a", T.plusSeconds(7200));

    assertThat(cart.keys()).extracting(Cart.KeyedRequest::key).containsExactly("a");
    assertThat(cart.keys().getFirst().at()).isEqualTo(T.plusSeconds(7200));
  }

  @Test
  void theRequestOfAChangeIsItsKindSkuAndQuantityAndWhoMadeIt() {
    assertThat(RequestKeys.requestOf(new Cart.IncreaseQuantity("MUG-1", 2, null))).isEqualTo("increase MUG-1 by 2");
    assertThat(RequestKeys.requestOf(new Cart.IncreaseQuantity("MUG-1", 2, null)))
        .isNotEqualTo(RequestKeys.requestOf(new Cart.IncreaseQuantity("MUG-1", 3, null)))
        .isNotEqualTo(RequestKeys.requestOf(new Cart.IncreaseQuantity("MUG-2", 2, null)))
        .isNotEqualTo(RequestKeys.requestOf(new Cart.SetQuantity("MUG-1", 2, null)))
        .isNotEqualTo(RequestKeys.requestOf(new Cart.ByAdmin("admin", false, new Cart.IncreaseQuantity("MUG-1", 2, null))));
    assertThat(RequestKeys.requestOf(new Cart.ByAdmin("admin", true, new Cart.Clear(null))))
        .isNotEqualTo(RequestKeys.requestOf(new Cart.ByAdmin("admin", false, new Cart.Clear(null))));
  }

  /** Applies a RequestKeyRecorded for each key and instant given. */
  private static CartState record(RequestKeys keys, CartState cart, Object... keysAndInstants) {
    CartState state = cart;
    for (int i = 0; i < keysAndInstants.length; i += 2) {
      String key = (String) keysAndInstants[i];
      Instant at = (Instant) keysAndInstants[i + 1];
      state = keys.applied(state, new RequestKeyRecorded(key, "request " + key, null, at));
    }
    return state;
  }
}
