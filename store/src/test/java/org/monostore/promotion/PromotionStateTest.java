package org.monostore.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.monostore.platform.Rejection;
import org.monostore.promotion.Promotion.Status;

/** A promotion's life: created active, paused and resumed, changed, ended for good. */
class PromotionStateTest {

  private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");
  private static final Terms TERMS = new Terms("10 % off books", Offer.Trigger.AUTOMATIC, 0, Offer.Stacking.STACKABLE,
      null, null, null, List.of("SE"), 0, 0, null, Terms.RewardKind.PERCENT_OFF,
      new Terms.Scope(List.of(), List.of("Books")), 1000, 0, 0, 0, List.of());
  private static final PromotionState ACTIVE =
      PromotionState.NONE.apply(new Promotion.PromotionCreated(TERMS, "anna", AT));

  @Test
  void aNewPromotionIsLiveAtOnce() {
    assertThat(ACTIVE.status()).isEqualTo(Status.ACTIVE);
    assertThat(ACTIVE.isLive()).isTrue();
    assertThat(ACTIVE.view("p-1").definition().name()).isEqualTo("10 % off books");
    assertThat(ACTIVE.updatedBy()).isEqualTo("anna");
  }

  @Test
  void aPausedPromotionIsNotLiveAndOnlyResumingMakesItLiveAgain() {
    PromotionState paused = ACTIVE.apply(new Promotion.PromotionPaused("bo", AT.plusSeconds(1)));

    assertThat(paused.isLive()).isFalse();
    assertThat(paused.updatedBy()).isEqualTo("bo");
    assertThat(paused.updatedAt()).isEqualTo(AT.plusSeconds(1));
    assertThat(paused.refuse(new Promotion.Pause("bo", null)).reason()).isEqualTo(Rejection.Reason.CONFLICT);
    assertThat(paused.refuse(new Promotion.Resume("bo", null))).isNull();
    assertThat(paused.apply(new Promotion.PromotionResumed("bo", AT.plusSeconds(2))).isLive()).isTrue();
  }

  @Test
  void anActivePromotionCannotBeResumed() {
    Rejection refusal = ACTIVE.refuse(new Promotion.Resume("bo", null));

    assertThat(refusal.currentStatus()).isEqualTo("ACTIVE");
    assertThat(refusal.allowed()).as("an automatic promotion takes no codes").containsExactly("update", "pause", "end");
  }

  @Test
  void anEndedPromotionCanNeitherChangeNorComeBack() {
    PromotionState ended = ACTIVE.apply(new Promotion.PromotionEnded("bo", AT.plusSeconds(1)));

    assertThat(ended.isLive()).isFalse();
    assertThat(ended.refuse(new Promotion.Resume("bo", null)).currentStatus()).isEqualTo("ENDED");
    assertThat(ended.refuse(new Promotion.ChangeTerms(TERMS, "bo", null))).isNotNull();
    assertThat(ended.refuse(new Promotion.End("bo", null))).isNotNull();
    assertThat(ended.refuse(new Promotion.Pause("bo", null))).isNotNull();
  }

  @Test
  void changedTermsKeepTheStatusAndTheCreationTime() {
    Terms more = new Terms("15 % off books", Offer.Trigger.AUTOMATIC, 0, Offer.Stacking.STACKABLE, null, null, null,
        List.of("SE"), 0, 0, null, Terms.RewardKind.PERCENT_OFF, new Terms.Scope(List.of(), List.of("Books")), 1500,
        0, 0, 0, List.of());
    PromotionState paused = ACTIVE.apply(new Promotion.PromotionPaused("bo", AT.plusSeconds(1)));

    PromotionState changed = paused.apply(new Promotion.TermsChanged(more, "cy", AT.plusSeconds(2)));

    assertThat(changed.status()).isEqualTo(Status.PAUSED);
    assertThat(changed.terms()).isEqualTo(more);
    assertThat(changed.createdAt()).isEqualTo(AT);
    assertThat(changed.view("p-1").definition().reward().percent()).isEqualByComparingTo("15");
  }

  // Uses

  private static final Terms THREE_USES_ONE_EACH = new Terms("10 % off books", Offer.Trigger.AUTOMATIC, 0,
      Offer.Stacking.STACKABLE, "SEK", null, null, List.of("SE"), 0, 0, null, Terms.RewardKind.PERCENT_OFF,
      new Terms.Scope(List.of(), List.of("Books")), 1000, 0, 0, 0, List.of(), 3, 1, 0);

  private static PromotionState limited(Terms terms) {
    return PromotionState.NONE.apply(new Promotion.PromotionCreated(terms, "anna", AT));
  }

  private static PromotionState reserve(PromotionState state, String order, String email, long amount) {
    Promotion.ReserveUse reserve = new Promotion.ReserveUse(order, email, amount, null);
    assertThat(state.refuse(reserve)).as("a use for " + order).isNull();
    return apply(state, state.reserved(reserve, AT));
  }

  private static PromotionState apply(PromotionState state, List<Promotion.Event> events) {
    PromotionState after = state;
    for (Promotion.Event event : events) {
      after = after.apply(event);
    }
    return after;
  }

  @Test
  void aPromotionWithoutLimitsCountsNothing() {
    assertThat(ACTIVE.reserved(new Promotion.ReserveUse("o-1", "a@example.com", 100, null), AT)).isEmpty();
    assertThat(ACTIVE.refuse(new Promotion.ReserveUse("o-1", "a@example.com", 100, null))).isNull();
  }

  @Test
  void theLastUseRunsThePromotionOutAndGivingOneBackFreesIt() {
    PromotionState state = limited(THREE_USES_ONE_EACH);
    state = reserve(state, "o-1", "a@example.com", 100);
    state = reserve(state, "o-2", "b@example.com", 100);
    assertThat(state.usedUp()).isFalse();
    state = reserve(state, "o-3", "c@example.com", 100);

    assertThat(state.usedUp()).isTrue();
    assertThat(state.isLive()).isFalse();
    assertThat(state.refuse(new Promotion.ReserveUse("o-4", "d@example.com", 100, null)).detail())
        .contains("is used up: its 3 uses are taken");
    assertThat(state.refuse(new Promotion.ReserveUse("o-2", "b@example.com", 100, null)))
        .as("the same order again holds its use").isNull();
    assertThat(state.reserved(new Promotion.ReserveUse("o-2", "b@example.com", 100, null), AT)).isEmpty();

    PromotionState freed = apply(state, state.givenBack("o-2", AT));
    assertThat(freed.usedUp()).isFalse();
    assertThat(freed.uses()).containsOnlyKeys("o-1", "o-3");
    assertThat(freed.givenBack("o-2", AT)).as("given back twice: once").isEmpty();
  }

  @Test
  void aCustomerIsKnownByTheirEmailInAnyCaseAndAGuestIsNotCounted() {
    PromotionState state = reserve(limited(THREE_USES_ONE_EACH), "o-1", "Anna@Example.com", 100);

    assertThat(state.refuse(new Promotion.ReserveUse("o-2", " anna@example.COM", 100, null)).detail())
        .contains("anna@example.com").contains("per customer");
    assertThat(state.refuse(new Promotion.ReserveUse("o-3", null, 100, null))).isNull();
  }

  @Test
  void aBudgetTakesNoOrderWhoseDiscountItCannotCover() {
    Terms budget = new Terms("Budget", Offer.Trigger.AUTOMATIC, 0, Offer.Stacking.STACKABLE, "SEK", null, null,
        List.of(), 0, 0, null, Terms.RewardKind.PERCENT_OFF, null, 1000, 0, 0, 0, List.of(), 0, 0, 50_000);
    PromotionState state = reserve(limited(budget), "o-1", null, 30_000);

    assertThat(state.refuse(new Promotion.ReserveUse("o-2", null, 25_000, null)).detail())
        .contains("200.00 SEK of its budget left");
    state = reserve(state, "o-3", null, 20_000);
    assertThat(state.usedUp()).isTrue();
  }

  @Test
  void aKeptUseIsKeptOnceAndAPausedPromotionReservesNone() {
    PromotionState state = reserve(limited(THREE_USES_ONE_EACH), "o-1", null, 100);
    state = apply(state, state.kept("o-1", AT));

    assertThat(state.uses().get("o-1").kept()).isTrue();
    assertThat(state.kept("o-1", AT)).isEmpty();
    PromotionState paused = state.apply(new Promotion.PromotionPaused("bo", AT));
    assertThat(paused.refuse(new Promotion.ReserveUse("o-2", null, 100, null)).detail()).contains("is PAUSED");
  }

  @Test
  void termsGiveTheEngineItsOfferAndTheApiItsPercentage() {
    Offer offer = TERMS.offer("p-1");

    assertThat(offer.reward()).isEqualTo(new Offer.Reward.PercentOff(Offer.Target.categories("Books"), 1000));
    assertThat(offer.conditions().markets()).containsExactly("SE");
    assertThat(PromotionDefinition.of(TERMS).reward().percent()).hasToString("10");
  }
}
