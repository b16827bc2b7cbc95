package org.monostore.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.monostore.pricing.Pricing.Item;
import org.monostore.promotion.Offer.Conditions;
import org.monostore.promotion.Offer.Reward;
import org.monostore.promotion.Offer.Reward.AmountOff;
import org.monostore.promotion.Offer.Reward.BuyGet;
import org.monostore.promotion.Offer.Reward.FreeShipping;
import org.monostore.promotion.Offer.Reward.PercentOff;
import org.monostore.promotion.Offer.Reward.SpendTiers;
import org.monostore.promotion.Offer.Reward.Tier;
import org.monostore.promotion.Offer.Stacking;
import org.monostore.promotion.Offer.Target;
import org.monostore.promotion.Offer.Trigger;
import org.monostore.promotion.Outcome.Applied;
import org.monostore.promotion.Outcome.NotApplied;

/** The engine's rules, one example each, with amounts worked out by hand (in öre: 100 is 1 kr). */
class PromotionEngineTest {

  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
  private static final Item MUG = new Item("MUG-000001", "Mug", "Kitchen", 1, 12_500);
  private static final Item BOOK = new Item("BOOK-000001", "A book", "Books", 1, 10_600);

  // Rewards

  @Test
  void aPercentageOffTheOrderIsSplitOverItsLinesInProportion() {
    Outcome outcome = evaluate(basket(MUG, BOOK), automatic("TEN", new PercentOff(Target.EVERY_ITEM, 1_000)));

    // 10% of 231.00 kr is 23.10 kr: 12.50 kr of the mug, 10.60 kr of the book.
    assertThat(outcome.applied()).containsExactly(new Applied("TEN", "TEN", null, List.of(1_250L, 1_060L), 0));
    assertThat(outcome.notApplied()).isEmpty();
  }

  @Test
  void aPercentageOffACategoryTakesOnlyFromItsItemsWhateverTheCaseOfItsName() {
    Outcome outcome = evaluate(basket(MUG, BOOK), automatic("BOOKS", new PercentOff(Target.categories("books"), 2_500)));

    assertThat(outcome.applied()).singleElement().extracting(Applied::shares).isEqualTo(List.of(0L, 2_650L));
  }

  @Test
  void anAmountOffNeverTakesMoreThanItsItemsCost() {
    Outcome outcome = evaluate(basket(MUG, BOOK), code("BIG", "SEK", new AmountOff(Target.skus("BOOK-000001"), 50_000)),
        Map.of("BIG", "TAKE500"));

    assertThat(outcome.applied()).containsExactly(new Applied("BIG", "BIG", "TAKE500", List.of(0L, 10_600L), 0));
  }

  @Test
  void spendTiersGiveTheHighestTierTheSpendReaches() {
    Reward tiers = new SpendTiers(Target.EVERY_ITEM, List.of(new Tier(100_000, 1_000), new Tier(200_000, 1_500)));
    Item sixMugs = new Item("MUG-000001", "Mug", "Kitchen", 6, 25_000);
    Item tenMugs = new Item("MUG-000001", "Mug", "Kitchen", 10, 25_000);

    assertThat(evaluate(basket(sixMugs), automatic("TIERS", "SEK", tiers)).discountTotal()).isEqualTo(15_000);
    assertThat(evaluate(basket(tenMugs), automatic("TIERS", "SEK", tiers)).discountTotal()).isEqualTo(37_500);
  }

  @Test
  void belowTheLowestTierTheReasonSaysHowMuchMoreToSpend() {
    Reward tiers = new SpendTiers(Target.EVERY_ITEM, List.of(new Tier(35_100, 1_000)));

    assertThat(evaluate(basket(MUG, BOOK), automatic("TIERS", "SEK", tiers)).notApplied())
        .containsExactly(new NotApplied("TIERS", "TIERS", "needs 120.00 SEK more of any item"));
  }

  @Test
  void threeForTwoGivesTheCheapestFreeOncePerThreeItems() {
    Item mugs = new Item("MUG-000001", "Mug", "Kitchen", 4, 12_500);
    Item cups = new Item("CUP-000001", "Cup", "Kitchen", 3, 4_900);
    Reward threeForTwo = new BuyGet(Target.categories("Kitchen"), 2, 1, 10_000);

    // Seven items are two groups of three: the two cheapest, two cups, are free.
    assertThat(evaluate(basket(mugs, cups), automatic("3FOR2", threeForTwo)).applied())
        .singleElement().extracting(Applied::shares).isEqualTo(List.of(0L, 9_800L));
  }

  @Test
  void buyXGetYTellsHowManyMoreItemsItNeeds() {
    Reward threeForTwo = new BuyGet(Target.categories("Kitchen"), 2, 1, 10_000);

    assertThat(evaluate(basket(MUG, BOOK), automatic("3FOR2", threeForTwo)).notApplied())
        .extracting(NotApplied::reason).containsExactly("needs 2 more items of Kitchen");
  }

  @Test
  void freeShippingTakesTheWholeFeeAndIsNotOfferedWhenShippingIsFreeAlready() {
    Offer free = automatic("SHIP", new FreeShipping());

    assertThat(evaluate(basket(4_900, MUG), free).applied())
        .containsExactly(new Applied("SHIP", "SHIP", null, List.of(0L), 4_900));
    assertThat(evaluate(basket(0, MUG), free).notApplied())
        .extracting(NotApplied::reason).containsExactly("shipping is already free");
  }

  // Stacking

  @Test
  void stackablePromotionsApplyInPriorityOrderEachOnWhatTheOnesBeforeLeft() {
    Offer tenPercent = offer("TEN", Trigger.AUTOMATIC, 2, Stacking.STACKABLE, null, null,
        new PercentOff(Target.EVERY_ITEM, 1_000));
    Offer hundredOff = offer("HUNDRED", Trigger.AUTOMATIC, 1, Stacking.STACKABLE, "SEK", null,
        new AmountOff(Target.EVERY_ITEM, 10_000));

    Outcome outcome = evaluate(basket(MUG), hundredOff, tenPercent);

    // 10% of 125 kr first (12.50), then 100 kr of the 112.50 left.
    assertThat(outcome.applied()).extracting(Applied::promotionId, Applied::amount)
        .containsExactly(tuple("TEN", 1_250L),
            tuple("HUNDRED", 10_000L));
  }

  @Test
  void aPromotionWithNothingLeftToTakeOffSaysSo() {
    Offer everything = offer("ALL", Trigger.AUTOMATIC, 2, Stacking.STACKABLE, null, null,
        new PercentOff(Target.EVERY_ITEM, 10_000));
    Offer more = offer("MORE", Trigger.AUTOMATIC, 1, Stacking.STACKABLE, null, null,
        new PercentOff(Target.EVERY_ITEM, 1_000));

    Outcome outcome = evaluate(basket(MUG), everything, more);

    assertThat(outcome.applied()).extracting(Applied::promotionId).containsExactly("ALL");
    assertThat(outcome.notApplied()).extracting(NotApplied::reason)
        .containsExactly("nothing is left to take off after the promotions before it");
  }

  @Test
  void theBestExclusivePromotionWinsAloneWhenItTakesMoreThanTheStackableOnesTogether() {
    Offer tenPercent = automatic("TEN", new PercentOff(Target.EVERY_ITEM, 1_000));
    Offer fivePercent = automatic("FIVE", new PercentOff(Target.EVERY_ITEM, 500));
    Offer twentyPercent = offer("TWENTY", Trigger.AUTOMATIC, 0, Stacking.EXCLUSIVE, null, null,
        new PercentOff(Target.EVERY_ITEM, 2_000));
    Offer thirtyOnBooks = offer("BOOKS30", Trigger.AUTOMATIC, 9, Stacking.EXCLUSIVE, null, null,
        new PercentOff(Target.categories("Books"), 3_000));

    Outcome outcome = evaluate(basket(MUG, BOOK), tenPercent, fivePercent, twentyPercent, thirtyOnBooks);

    // Together the stackable ones take 5% and then 10% of what is left, 11.55 + 21.94 = 33.49 kr; 20% of
    // everything alone takes 46.20 kr and 30% of the book alone 31.80 kr.
    assertThat(outcome.applied()).extracting(Applied::promotionId).containsExactly("TWENTY");
    assertThat(outcome.notApplied()).extracting(NotApplied::promotionId, NotApplied::reason).containsExactly(
        tuple("BOOKS30", "\"TWENTY\" takes more off, and only one exclusive promotion applies"),
        tuple("FIVE", "not combined with the exclusive \"TWENTY\", which takes more off"),
        tuple("TEN", "not combined with the exclusive \"TWENTY\", which takes more off"));
  }

  @Test
  void atATieTheStackablePromotionsWinOverAnExclusiveOne() {
    Offer tenPercent = automatic("TEN", new PercentOff(Target.EVERY_ITEM, 1_000));
    Offer alsoTenPercent = offer("EXCL", Trigger.AUTOMATIC, 5, Stacking.EXCLUSIVE, null, null,
        new PercentOff(Target.EVERY_ITEM, 1_000));

    Outcome outcome = evaluate(basket(MUG), tenPercent, alsoTenPercent);

    assertThat(outcome.applied()).extracting(Applied::promotionId).containsExactly("TEN");
    assertThat(outcome.notApplied()).extracting(NotApplied::reason)
        .containsExactly("exclusive, and the other promotions together take as much off or more");
  }

  // Conditions

  @Test
  void aCodePromotionAppliesOnlyWithItsCodeAndIsNotMentionedWithout() {
    Offer coupon = code("WELCOME", null, new PercentOff(Target.EVERY_ITEM, 1_000));

    assertThat(evaluate(basket(MUG), coupon)).isEqualTo(new Outcome(List.of(), List.of()));
    assertThat(evaluate(basket(MUG), coupon, Map.of("WELCOME", "HELLO-2026")).applied())
        .extracting(Applied::code).containsExactly("HELLO-2026");
  }

  @Test
  void eachConditionThatFailsIsTheReasonInWords() {
    assertThat(reason(new Conditions(NOW.plusSeconds(60), null, Set.of(), 0, 0, null)))
        .isEqualTo("starts at 2026-12-02T12:01:00Z");
    assertThat(reason(new Conditions(null, NOW, Set.of(), 0, 0, null))).isEqualTo("ended at 2026-12-02T12:00:00Z");
    assertThat(reason(new Conditions(null, null, Set.of("NO", "DK"), 0, 0, null))).isEqualTo("only in DK, NO");
    assertThat(reason(new Conditions(null, null, Set.of(), 0, 3, null))).isEqualTo("needs 2 more items");
    assertThat(reason(new Conditions(null, null, Set.of(), 13_000, 0, null))).isEqualTo("needs 5.00 SEK more");
    Offer forBookBuyers = offer("C", Trigger.CODE, 0, Stacking.STACKABLE, null,
        new Conditions(null, null, Set.of(), 0, 0, Target.categories("Books")), new PercentOff(Target.EVERY_ITEM, 1_000));
    assertThat(evaluate(basket(MUG), forBookBuyers, Map.of("C", "READER")).notApplied())
        .extracting(NotApplied::reason).containsExactly("needs an item of Books");
  }

  @Test
  void aPromotionWithAmountsInAnotherCurrencyDoesNotApply() {
    Offer inEuro = automatic("EURO", "EUR", new AmountOff(Target.EVERY_ITEM, 500));

    assertThat(evaluate(basket(MUG), inEuro).notApplied())
        .extracting(NotApplied::reason).containsExactly("only for prices in EUR");
  }

  @Test
  void anAutomaticPromotionAboutGoodsTheCartHoldsNoneOfIsNotMentioned() {
    Offer offBooks = automatic("BOOKS", new PercentOff(Target.categories("Books"), 1_000));
    Offer forBookBuyers = offer("READERS", Trigger.AUTOMATIC, 0, Stacking.STACKABLE, null,
        new Conditions(null, null, Set.of(), 0, 0, Target.categories("Books")), new FreeShipping());
    Offer bookTiers = automatic("TIERS", "SEK", new SpendTiers(Target.categories("Books"), List.of(new Tier(100, 500))));
    Offer threeBooksForTwo = automatic("3FOR2", new BuyGet(Target.categories("Books"), 2, 1, 10_000));
    Offer overAThousand = offer("BIG", Trigger.AUTOMATIC, 0, Stacking.STACKABLE, "SEK",
        new Conditions(null, null, Set.of(), 100_000, 0, null), new PercentOff(Target.EVERY_ITEM, 500));

    assertThat(evaluate(basket(49, MUG), offBooks, forBookBuyers, bookTiers, threeBooksForTwo, overAThousand)
        .notApplied()).extracting(NotApplied::promotionId).containsExactly("BIG");
    assertThat(evaluate(basket(49, MUG, BOOK), offBooks, forBookBuyers, bookTiers, threeBooksForTwo, overAThousand)
        .notApplied()).extracting(NotApplied::promotionId).containsExactlyInAnyOrder("3FOR2", "BIG");
  }

  @Test
  void anEnteredCodeForGoodsTheCartHoldsNoneOfSaysWhichItemsItNeeds() {
    Offer books = code("BOOKS", null, new PercentOff(Target.categories("Books"), 1_000));

    assertThat(evaluate(basket(MUG), books, Map.of("BOOKS", "READ10")).notApplied())
        .extracting(NotApplied::reason).containsExactly("no item in the cart is of Books");
  }

  // Definitions that cannot be priced

  @Test
  void aDefinitionThatCouldNotBePricedIsRefusedNamingWhatIsWrong() {
    assertThatThrownBy(() -> new PercentOff(null, 10_001)).hasMessage("a percentage is above 0 and at most 100");
    assertThatThrownBy(() -> new PercentOff(null, 0)).hasMessage("a percentage is above 0 and at most 100");
    assertThatThrownBy(() -> new AmountOff(null, 0)).hasMessage("an amount off is positive");
    assertThatThrownBy(() -> new Conditions(NOW, NOW, null, 0, 0, null)).hasMessage("a promotion ends after it starts");
    assertThatThrownBy(() -> new SpendTiers(null, List.of(new Tier(200, 1_000), new Tier(100, 2_000))))
        .hasMessage("spend tiers go up: each threshold above the one before");
    assertThatThrownBy(() -> new BuyGet(null, 0, 1, 10_000)).hasMessage("buy X get Y counts at least one of each");
    assertThatThrownBy(() -> automatic("NOCURRENCY", new AmountOff(null, 100)))
        .hasMessage("a promotion with amounts names their currency");
  }

  // Helpers

  private static String reason(Conditions conditions) {
    Offer offer = offer("C", Trigger.AUTOMATIC, 0, Stacking.STACKABLE, "SEK", conditions,
        new PercentOff(Target.EVERY_ITEM, 1_000));
    return evaluate(basket(MUG), offer).notApplied().getFirst().reason();
  }

  private static Basket basket(Item... items) {
    return basket(0, items);
  }

  private static Basket basket(long shipping, Item... items) {
    return new Basket("SE", "SEK", List.of(items), shipping, Map.of(), NOW);
  }

  private static Outcome evaluate(Basket basket, Offer... offers) {
    return PromotionEngine.evaluate(basket, List.of(offers));
  }

  private static Outcome evaluate(Basket basket, Offer offer, Map<String, String> codes) {
    Basket withCodes = new Basket(basket.market(), basket.currency(), basket.items(), basket.shipping(), codes,
        basket.at());
    return PromotionEngine.evaluate(withCodes, List.of(offer));
  }

  private static Offer automatic(String id, Reward reward) {
    return automatic(id, null, reward);
  }

  private static Offer automatic(String id, String currency, Reward reward) {
    return offer(id, Trigger.AUTOMATIC, 0, Stacking.STACKABLE, currency, null, reward);
  }

  private static Offer code(String id, String currency, Reward reward) {
    return offer(id, Trigger.CODE, 0, Stacking.STACKABLE, currency, null, reward);
  }

  private static Offer offer(
      String id, Trigger trigger, int priority, Stacking stacking, String currency, Conditions conditions,
      Reward reward) {
    return new Offer(id, id, trigger, priority, stacking, currency, conditions, reward);
  }
}
