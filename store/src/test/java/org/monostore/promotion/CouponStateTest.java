package org.monostore.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.monostore.promotion.Coupon.CouponIssued;
import org.monostore.promotion.Coupon.Event;
import org.monostore.promotion.Coupon.ReserveUse;
import org.monostore.promotion.Coupon.State;

/** A code's own count: what reserving, keeping and giving back a use records, and which limit refuses. */
class CouponStateTest {

  private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

  private static State issued(int uses, int usesPerCustomer, long budget) {
    return State.NONE.apply(new CouponIssued("p-1", "anna", AT, uses, usesPerCustomer, budget, "SEK"));
  }

  private static State after(State state, List<Event> events) {
    for (Event event : events) {
      state = state.apply(event);
    }
    return state;
  }

  private static ReserveUse reserve(String orderId, String email, long amount) {
    return new ReserveUse(orderId, email, amount, null);
  }

  @Test
  void aCodeIssuedWithoutLimitsCountsNothing() {
    State open = State.NONE.apply(new CouponIssued("p-1", "anna", AT));

    assertThat(open.refuse(reserve("o-1", "a@example.com", 100), "XMAS")).isNull();
    assertThat(open.reserved(reserve("o-1", "a@example.com", 100), AT)).isEmpty();
    assertThat(open.issued("XMAS").usedUp()).isFalse();
  }

  @Test
  void aSingleUseCodeIsUsedUpByOneOrderAndFreedWhenItGivesItBack() {
    State single = issued(1, 0, 0);
    State used = after(single, single.reserved(reserve("o-1", null, 100), AT));

    assertThat(used.issued("XMAS").usedUp()).isTrue();
    assertThat(used.refuse(reserve("o-2", null, 100), "XMAS").detail())
        .isEqualTo("The code XMAS is used up: its 1 uses are taken");
    assertThat(used.refuse(reserve("o-1", null, 100), "XMAS")).as("the order that holds it").isNull();
    assertThat(used.reserved(reserve("o-1", null, 100), AT)).as("reserved once").isEmpty();

    State freed = after(used, used.givenBack("o-1", AT));
    assertThat(freed.issued("XMAS").usedUp()).isFalse();
    assertThat(freed.refuse(reserve("o-2", null, 100), "XMAS")).isNull();
  }

  @Test
  void aKeptUseStaysTakenAndIsKeptOnce() {
    State single = issued(1, 0, 0);
    State used = after(single, single.reserved(reserve("o-1", null, 100), AT));

    State kept = after(used, used.kept("o-1", AT));

    assertThat(kept.uses().get("o-1").kept()).isTrue();
    assertThat(kept.kept("o-1", AT)).isEmpty();
    assertThat(kept.kept("o-9", AT)).as("an order without a use").isEmpty();
  }

  @Test
  void aCodesBudgetRefusesAnOrderThatWouldPassItAndSaysWhatIsLeft() {
    State budgeted = issued(0, 0, 10_000);
    State spent = after(budgeted, budgeted.reserved(reserve("o-1", null, 6_000), AT));

    assertThat(spent.refuse(reserve("o-2", null, 6_000), "XMAS").detail()).contains("has 40.00 SEK of its budget left");
    assertThat(spent.refuse(reserve("o-2", null, 4_000), "XMAS")).isNull();
  }

  @Test
  void aCodeLimitedPerCustomerKnowsTheCustomerInAnyCase() {
    State once = issued(0, 1, 0);
    State used = after(once, once.reserved(reserve("o-1", " Anna@Example.com", 100), AT));

    assertThat(used.refuse(reserve("o-2", "anna@example.COM", 100), "XMAS")).isNotNull();
    assertThat(used.refuse(reserve("o-3", "bo@example.com", 100), "XMAS")).isNull();
    assertThat(used.refuse(reserve("o-4", null, 100), "XMAS")).as("a guest without an email").isNull();
  }
}
