package org.monostore.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.monostore.pricing.Pricing;
import org.monostore.pricing.Pricing.Item;
import org.monostore.pricing.VatRates;
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

/**
 * The money rules over random carts and promotion sets: each run draws {@value #TRIES} new cases per
 * property. A failure names the seed of its case; {@code -Dpromotion.seed=N} runs that case first.
 * (Plain JUnit rather than a property-testing library: jqwik's licence carries an anti-AI usage
 * clause since 1.10, and this code base is written with AI agents. What is given up is shrinking: a
 * failing case is reported as drawn.)
 */
class PromotionPropertiesTest {

  private static final int TRIES = 2_000;
  private static final VatRates VAT = new VatRates("SE:25,FI:25.5", "SE/Books:6,SE/Grocery:12,FI/Books:14");
  private static final List<String> CATEGORIES = List.of("Kitchen", "Books", "Grocery", "Office");
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  @Test
  void noTotalIsNegativeAndNoDiscountTakesMoreThanWhatItAppliesTo() {
    forAll(random -> {
      Case drawn = draw(random);
      Basket basket = drawn.basket();
      Outcome outcome = PromotionEngine.evaluate(basket, drawn.offers());
      Pricing pricing = price(basket, outcome);

      assertThat(pricing.total().amount()).isNotNegative();
      for (int line = 0; line < basket.items().size(); line++) {
        int item = line;
        long taken = outcome.applied().stream().mapToLong(applied -> applied.shares().get(item)).sum();
        assertThat(taken).as("all taken off line %d", line).isBetween(0L, basket.lineTotal(line));
      }
      assertThat(outcome.applied().stream().mapToLong(Applied::shipping).sum()).isBetween(0L, basket.shipping());
      assertThat(outcome.applied()).allSatisfy(applied -> assertThat(applied.amount()).isPositive());
      assertThat(pricing.discountTotal().amount()).isEqualTo(outcome.discountTotal());
    });
  }

  @Test
  void theTaxPerRateAddsUpToTheTotalAndEachRatesNetAndVatToItsGross() {
    forAll(random -> {
      Case drawn = draw(random);
      Pricing pricing = price(drawn.basket(), PromotionEngine.evaluate(drawn.basket(), drawn.offers()));

      assertThat(pricing.tax().rates().stream().mapToLong(rate -> rate.gross().amount()).sum())
          .isEqualTo(pricing.total().amount());
      assertThat(pricing.tax().rates().stream().mapToLong(rate -> rate.vat().amount()).sum())
          .isEqualTo(pricing.tax().amount().amount());
      assertThat(pricing.tax().rates()).allSatisfy(rate -> {
        assertThat(rate.net().amount() + rate.vat().amount()).isEqualTo(rate.gross().amount());
        assertThat(rate.vat().amount()).isBetween(0L, rate.gross().amount());
      });
      long vatBefore = pricing.lines().stream().mapToLong(line -> line.vat().amount()).sum()
          + pricing.shipping().vat().amount();
      long discountVat = pricing.discounts().stream().mapToLong(discount -> discount.vat().amount()).sum();
      assertThat(pricing.tax().amount().amount()).isEqualTo(vatBefore - discountVat);
    });
  }

  @Test
  void aHundredPercentOffEverythingAndFreeShippingLeaveAZeroTotalWithZeroVat() {
    forAll(random -> {
      Case drawn = draw(random);
      Basket basket = drawn.basket();
      List<Offer> offers = new ArrayList<>(drawn.offers());
      offers.add(new Offer("ALL", "Everything free", Trigger.AUTOMATIC, 100, Stacking.STACKABLE, null, null,
          new PercentOff(Target.EVERY_ITEM, 10_000)));
      offers.add(new Offer("SHIP", "Free shipping", Trigger.AUTOMATIC, 100, Stacking.STACKABLE, null, null,
          new FreeShipping()));
      Outcome outcome = PromotionEngine.evaluate(basket, offers);
      Pricing pricing = price(basket, outcome);

      // No exclusive promotion can take more than everything, and at a tie the stackable ones win.
      assertThat(outcome.applied()).extracting(Applied::promotionId).startsWith("ALL");
      assertThat(pricing.total().amount()).isZero();
      assertThat(pricing.tax().amount().amount()).isZero();
      assertThat(pricing.tax().rates()).allSatisfy(rate -> assertThat(rate.gross().amount()).isZero());
    });
  }

  @Test
  void theOutcomeDoesNotDependOnTheOrderThePromotionsWereCreatedIn() {
    forAll(random -> {
      Case drawn = draw(random);
      List<Offer> shuffled = new ArrayList<>(drawn.offers());
      Collections.shuffle(shuffled, new Random(random.nextLong()));

      assertThat(PromotionEngine.evaluate(drawn.basket(), shuffled))
          .isEqualTo(PromotionEngine.evaluate(drawn.basket(), drawn.offers()));
    });
  }

  @Test
  void theSharesOfAnAllocationAddUpToItsAmountAndNoneExceedsItsWeight() {
    forAll(random -> {
      long[] weights = new long[1 + random.nextInt(8)];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = random.nextInt(4) == 0 ? 0 : random.nextLong(1, 1_000_000);
      }
      long total = Arrays.stream(weights).sum();
      long amount = total == 0 ? 0 : random.nextLong(0, total + 1);

      long[] shares = Allocation.proportional(amount, weights);

      assertThat(Arrays.stream(shares).sum()).isEqualTo(amount);
      for (int i = 0; i < weights.length; i++) {
        assertThat(shares[i]).isBetween(0L, weights[i]);
        // Proportional: each share is within one minor unit of its exact part.
        assertThat(Math.abs(shares[i] * (double) total - amount * (double) weights[i])).isLessThanOrEqualTo(total);
      }
    });
  }

  // Cases

  private static void forAll(Consumer<SplittableRandom> property) {
    Long repeat = Long.getLong("promotion.seed");
    long base = new SplittableRandom().nextLong();
    for (int i = 0; i < TRIES; i++) {
      long seed = i == 0 && repeat != null ? repeat : base + i;
      try {
        property.accept(new SplittableRandom(seed));
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("Failed for the case of seed " + seed + " (rerun it with -Dpromotion.seed=" + seed
            + "): " + e.getMessage(), e);
      }
    }
  }

  private static Pricing price(Basket basket, Outcome outcome) {
    return Pricing.calculate(basket.market(), basket.currency(), basket.items(), basket.shipping(), outcome.discounts(),
        VAT);
  }

  private static Basket basket(SplittableRandom random) {
    boolean sweden = random.nextBoolean();
    List<Item> items = new ArrayList<>();
    int lines = 1 + random.nextInt(6);
    for (int line = 0; line < lines; line++) {
      // Some tiny prices, where rounding decides most.
      long unitPrice = random.nextInt(5) == 0 ? random.nextLong(1, 30) : random.nextLong(1, 500_000);
      items.add(new Item("SKU-" + line, "Item " + line, CATEGORIES.get(random.nextInt(CATEGORIES.size())),
          1 + random.nextInt(5), unitPrice));
    }
    long shipping = random.nextBoolean() ? 0 : random.nextLong(1, 10_000);
    return new Basket(sweden ? "SE" : "FI", sweden ? "SEK" : "EUR", items, shipping, Map.of(), NOW);
  }

  /** A basket and up to eight promotions for it, some with codes, most of those entered into the basket. */
  private record Case(Basket basket, List<Offer> offers) {}

  private static Case draw(SplittableRandom random) {
    Basket drawn = basket(random);
    List<Offer> offers = new ArrayList<>();
    Map<String, String> codes = new HashMap<>();
    int count = random.nextInt(9);
    for (int i = 0; i < count; i++) {
      String id = "P" + i;
      Trigger trigger = random.nextInt(4) == 0 ? Trigger.CODE : Trigger.AUTOMATIC;
      if (trigger == Trigger.CODE && random.nextInt(3) > 0) {
        codes.put(id, "CODE-" + i);
      }
      Reward reward = reward(random, drawn);
      String currency = random.nextInt(10) == 0 ? "NOK" : drawn.currency();
      Conditions conditions = random.nextInt(3) > 0 ? null : new Conditions(null, null,
          random.nextBoolean() ? Set.of() : Set.of(random.nextBoolean() ? "SE" : "FI"),
          random.nextBoolean() ? 0 : random.nextLong(1, 2_000_000), random.nextInt(6), target(random, drawn));
      offers.add(new Offer(id, "Promotion " + i, trigger, random.nextInt(4),
          random.nextInt(4) == 0 ? Stacking.EXCLUSIVE : Stacking.STACKABLE, currency, conditions, reward));
    }
    Basket basket = new Basket(drawn.market(), drawn.currency(), drawn.items(), drawn.shipping(), codes, drawn.at());
    return new Case(basket, List.copyOf(offers));
  }

  private static Reward reward(SplittableRandom random, Basket basket) {
    Target target = target(random, basket);
    return switch (random.nextInt(6)) {
      case 0 -> new PercentOff(target, random.nextInt(1, 10_001));
      case 1 -> new AmountOff(target, random.nextLong(1, 1_000_000));
      case 2 -> {
        long first = random.nextLong(1, 500_000);
        yield new SpendTiers(target, List.of(new Tier(first, random.nextInt(1, 5_001)),
            new Tier(first + random.nextLong(1, 500_000), random.nextInt(5_001, 10_001))));
      }
      case 3 -> new BuyGet(target, random.nextInt(1, 4), random.nextInt(1, 3), random.nextInt(1, 10_001));
      case 4 -> new FreeShipping();
      default -> new PercentOff(Target.EVERY_ITEM, random.nextInt(1, 10_001));
    };
  }

  private static Target target(SplittableRandom random, Basket basket) {
    return switch (random.nextInt(4)) {
      case 0 -> Target.EVERY_ITEM;
      case 1 -> Target.categories(CATEGORIES.get(random.nextInt(CATEGORIES.size())));
      case 2 -> Target.skus(basket.items().get(random.nextInt(basket.items().size())).sku());
      default -> Target.skus("SKU-NOT-IN-THE-CART");
    };
  }
}
