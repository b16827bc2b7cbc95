package org.monostore.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.monostore.platform.Rejection;
import org.monostore.stock.Stock.Event;
import org.monostore.stock.Stock.ReservationReleased;
import org.monostore.stock.Stock.StockReceived;

/** The rules of one SKU's stock, as pure functions of its state and the time. */
class StockStateTest {

  private static final String SKU = "TOYS-000042";
  private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(900);

  private static StockState received(long units) {
    return StockState.UNTRACKED.apply(new StockReceived(units, null, "admin", NOW));
  }

  private static StockState applied(StockState state, List<Event> events) {
    for (Event event : events) {
      state = state.apply(event);
    }
    return state;
  }

  private static StockState reserved(StockState state, String orderId, long quantity, Instant until) {
    assertThat(state.refuse(SKU, orderId, quantity, NOW)).isNull();
    return applied(state, state.reserved(orderId, quantity, until, NOW));
  }

  @Test
  void aSkuNobodyReceivedIsNotCountedAndRefusesNothing() {
    assertThat(StockState.UNTRACKED.refuse(SKU, "order-1", 1_000, NOW)).isNull();
    assertThat(StockState.UNTRACKED.reserved("order-1", 1_000, LATER, NOW)).isEmpty();
  }

  @Test
  void anOrderGetsNoMoreThanIsAvailableAndTheRefusalNamesTheSkuAndWhatIsLeft() {
    StockState state = reserved(received(3), "order-1", 2, LATER);

    Rejection refusal = state.refuse(SKU, "order-2", 2, NOW);

    assertThat(refusal.reason()).isEqualTo(Rejection.Reason.CONFLICT);
    assertThat(refusal.shortage()).isEqualTo(new Rejection.Shortage(SKU, 1));
    assertThat(refusal.detail()).contains(SKU).contains("Only 1");
    assertThat(state.refuse(SKU, "order-2", 1, NOW)).isNull();
    assertThat(state.availableAt(NOW)).isEqualTo(1);
  }

  @Test
  void anOrderReservingAgainReplacesWhatItHeldRatherThanAddingToIt() {
    StockState state = reserved(received(3), "order-1", 2, LATER);

    assertThat(state.refuse(SKU, "order-1", 3, NOW)).as("its own 2 count as available to it").isNull();
    state = reserved(state, "order-1", 3, LATER);

    assertThat(state.availableAt(NOW)).isZero();
    assertThat(state.reservations()).hasSize(1);
    assertThat(state.reserved("order-1", 3, LATER, NOW)).as("the same again records nothing").isEmpty();
  }

  @Test
  void aReservationWhoseTimeRanOutHoldsNothingAndItsReleaseIsRecordedAsExpired() {
    StockState state = reserved(received(1), "order-1", 1, LATER);
    assertThat(state.refuse(SKU, "order-2", 1, NOW)).isNotNull();

    Instant after = LATER.plusMillis(1);
    assertThat(state.availableAt(after)).isEqualTo(1);
    assertThat(state.refuse(SKU, "order-2", 1, after)).isNull();
    assertThat(state.expired(NOW)).isEmpty();
    assertThat(state.expired(after)).containsExactly(new ReservationReleased("order-1", 1, Stock.Why.EXPIRED, after));
    assertThat(state.nextExpiry()).isEqualTo(LATER);
  }

  @Test
  void unitsHeldForAPaymentAtTheGatewayNeverRunOut() {
    StockState state = reserved(received(1), "order-1", 1, null);

    assertThat(state.availableAt(NOW.plusSeconds(86_400 * 365))).isZero();
    assertThat(state.expired(NOW.plusSeconds(86_400 * 365))).isEmpty();
    assertThat(state.nextExpiry()).isNull();
  }

  @Test
  void shippingTakesTheUnitsOffHandAndReleasingGivesThemBack() {
    StockState state = reserved(reserved(received(5), "order-1", 2, null), "order-2", 1, LATER);

    StockState shipped = applied(state, state.committed("order-1", NOW));
    assertThat(shipped.onHand()).isEqualTo(3);
    assertThat(shipped.committed()).isEqualTo(2);
    assertThat(shipped.availableAt(NOW)).isEqualTo(2);

    StockState released = applied(shipped, shipped.released("order-2", Stock.Why.CANCELLED, NOW));
    assertThat(released.availableAt(NOW)).isEqualTo(3);
    assertThat(released.reservations()).isEmpty();
    assertThat(released.released("order-2", Stock.Why.CANCELLED, NOW)).as("released twice: once").isEmpty();
    assertThat(released.committed("order-9", NOW)).as("an order that held nothing ships nothing").isEmpty();
  }

  @Test
  void onHandNeverGoesBelowWhatOrdersHold() {
    StockState state = reserved(received(5), "order-1", 4, LATER);

    assertThat(state.refuseAdjustment(SKU, -1, NOW)).isNull();
    Rejection refusal = state.refuseAdjustment(SKU, -2, NOW);
    assertThat(refusal.reason()).isEqualTo(Rejection.Reason.CONFLICT);
    assertThat(refusal.detail()).contains("orders hold 4");
    assertThat(state.refuseAdjustment(SKU, -2, LATER.plusSeconds(1))).as("once the reservation ran out").isNull();
  }
}
