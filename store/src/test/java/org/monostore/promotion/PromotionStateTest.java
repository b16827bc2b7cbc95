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
    assertThat(refusal.allowed()).containsExactly("update", "pause", "end", "codes");
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

  @Test
  void termsGiveTheEngineItsOfferAndTheApiItsPercentage() {
    Offer offer = TERMS.offer("p-1");

    assertThat(offer.reward()).isEqualTo(new Offer.Reward.PercentOff(Offer.Target.categories("Books"), 1000));
    assertThat(offer.conditions().markets()).containsExactly("SE");
    assertThat(PromotionDefinition.of(TERMS).reward().percent()).hasToString("10");
  }
}
