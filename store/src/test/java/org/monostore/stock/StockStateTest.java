package org.monostore.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.monostore.platform.Rejection;
import org.monostore.stock.Stock.Event;
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
    assertThat(state.refuse(SKU, orderId, quantity)).isNull();
    return applied(state, state.reserved(orderId, quantity, until, NOW));
  }

  @Test
  void aSkuNobodyReceivedIsNotCountedAndRefusesNothing() {
    assertThat(StockState.UNTRACKED.refuse(SKU, "order-1", 1_000)).isNull();
    assertThat(StockState.UNTRACKED.reserved("order-1", 1_000, LATER, NOW)).isEmpty();
  }

  @Test
  void anOrderGetsNoMoreThanIsAvailableAndTheRefusalNamesTheSkuAndWhatIsLeft() {
    StockState state = reserved(received(3), "order-1", 2, LATER);

    Rejection refusal = state.refuse(SKU, "order-2", 2);

    assertThat(refusal.reason()).isEqualTo(Rejection.Reason.CONFLICT);
    assertThat(refusal.shortage()).isEqualTo(new Rejection.Shortage(SKU, 1));
    assertThat(refusal.detail()).contains(SKU).contains("Only 1");
    assertThat(state.refuse(SKU, "order-2", 1)).isNull();
    assertThat(state.available()).isEqualTo(1);
  }

  @Test
  void anOrderReservingAgainReplacesWhatItHeldRatherThanAddingToIt() {
    StockState state = reserved(received(3), "order-1", 2, LATER);

    assertThat(state.refuse(SKU, "order-1", 3)).as("its own 2 count as available to it").isNull();
    state = reserved(state, "order-1", 3, LATER);

    assertThat(state.available()).isZero();
    assertThat(state.reservations()).hasSize(1);
    assertThat(state.reserved("order-1", 3, LATER, NOW)).as("the same again records nothing").isEmpty();
  }

  @Test
  void aReservationWhoseTimeRanOutHoldsItsUnitsUntilItsReleaseIsRecorded() {
    StockState state = reserved(received(1), "order-1", 1, LATER);

    Instant after = LATER.plusMillis(1);
    assertThat(state.ranOut(NOW)).isEmpty();
    assertThat(state.ranOut(after)).containsExactly("order-1");
    assertThat(state.refuse(SKU, "order-2", 1)).as("not free before its order said it is not paid").isNotNull();
    assertThat(state.nextExpiry()).isEqualTo(LATER);

    StockState released = applied(state, state.released("order-1", Stock.Why.EXPIRED, after));
    assertThat(released.refuse(SKU, "order-2", 1)).isNull();
    StockState heldOn = applied(state, state.reserved("order-1", 1, null, after));
    assertThat(heldOn.ranOut(after.plusSeconds(86_400))).as("a paid order's units are held on").isEmpty();
  }

  @Test
  void unitsHeldForAPaymentAtTheGatewayNeverRunOut() {
    StockState state = reserved(received(1), "order-1", 1, null);

    assertThat(state.available()).isZero();
    assertThat(state.ranOut(NOW.plusSeconds(86_400 * 365))).isEmpty();
    assertThat(state.nextExpiry()).isNull();
  }

  @Test
  void shippingTakesTheUnitsOffHandAndReleasingGivesThemBack() {
    StockState state = reserved(reserved(received(5), "order-1", 2, null), "order-2", 1, LATER);

    StockState shipped = applied(state, state.committed("order-1", NOW));
    assertThat(shipped.onHand()).isEqualTo(3);
    assertThat(shipped.committed()).isEqualTo(2);
    assertThat(shipped.available()).isEqualTo(2);

    StockState released = applied(shipped, shipped.released("order-2", Stock.Why.CANCELLED, NOW));
    assertThat(released.available()).isEqualTo(3);
    assertThat(released.reservations()).isEmpty();
    assertThat(released.released("order-2", Stock.Why.CANCELLED, NOW)).as("released twice: once").isEmpty();
    assertThat(released.committed("order-9", NOW)).as("an order that held nothing ships nothing").isEmpty();
  }

  @Test
  void onHandNeverGoesBelowWhatOrdersHold() {
    StockState state = reserved(received(5), "order-1", 4, LATER);

    assertThat(state.refuseAdjustment(SKU, -1)).isNull();
    Rejection refusal = state.refuseAdjustment(SKU, -2);
    assertThat(refusal.reason()).isEqualTo(Rejection.Reason.CONFLICT);
    assertThat(refusal.detail()).contains("orders hold 4");
    StockState released = applied(state, state.released("order-1", Stock.Why.CANCELLED, NOW));
    assertThat(released.refuseAdjustment(SKU, -2)).as("once the order let its units go").isNull();
  }
}
