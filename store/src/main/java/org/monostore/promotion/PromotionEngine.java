package org.monostore.promotion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.monostore.pricing.Pricing;
import org.monostore.promotion.Offer.Reward;
import org.monostore.promotion.Offer.Reward.AmountOff;
import org.monostore.promotion.Offer.Reward.BuyGet;
import org.monostore.promotion.Offer.Reward.FreeShipping;
import org.monostore.promotion.Offer.Reward.PercentOff;
import org.monostore.promotion.Offer.Reward.SpendTiers;
import org.monostore.promotion.Offer.Stacking;
import org.monostore.promotion.Offer.Target;
import org.monostore.promotion.Offer.Trigger;
import org.monostore.promotion.Outcome.Applied;
import org.monostore.promotion.Outcome.NotApplied;
import org.monostore.shared.Money;

/**
 * Which promotions a basket gets, and what each takes off: a pure function of the basket and the live
 * promotions, so that the same cart always prices the same, on any node.
 *
 * <p>The rules a merchant can predict:
 * <ol>
 *   <li>A promotion qualifies when its conditions hold; a code promotion only when its code was entered
 *       (one whose code was not is not mentioned, so an answer never tells what codes exist).
 *   <li>An automatic promotion about items the basket holds none of (its required item, or the items
 *       its reward is off) cannot qualify, and is not mentioned either: with a hundred promotions in a
 *       market, a cart is told about the ones within its reach, not the ninety about other goods. A code
 *       the shopper entered is always answered, with its reason when it does not apply.
 *   <li>The stackable promotions that qualify apply one after another, the highest priority first and,
 *       at equal priority, by id; each takes its share of what the ones before it left, so nothing is
 *       discounted twice and the order promotions were created in never matters.
 *   <li>An exclusive promotion combines with no other: the basket gets either the best exclusive one
 *       alone or the stackable ones together, whichever takes more off; at a tie the stackable ones.
 *   <li>A percentage is of what its items cost after the promotions before it, rounded to the minor
 *       unit half to even; a discount never exceeds what it applies to, so no total goes below zero.
 *   <li>A discount on several items is split over them in proportion to what is left of each
 *       ({@link Allocation}), exactly, so that each item's VAT can be computed after its share.
 * </ol>
 */
public final class PromotionEngine {

  private static final Comparator<Offer> APPLICATION_ORDER =
      Comparator.comparingInt(Offer::priority).reversed().thenComparing(Offer::id);

  private PromotionEngine() {}

  public static Outcome evaluate(Basket basket, Collection<Offer> offers) {
    List<Offer> inOrder = offers.stream()
        .filter(offer -> considered(basket, offer))
        .sorted(APPLICATION_ORDER)
        .toList();
    // By identity: an offer is one of the live ones, and a record's hash would walk all its terms.
    Map<Offer, String> reasons = new IdentityHashMap<>();
    Pass together = new Pass(basket);
    Pass bestExclusive = null;
    Offer best = null;
    for (Offer offer : inOrder) {
      String refusal = refusal(basket, offer);
      if (refusal != null) {
        reasons.put(offer, refusal);
      } else if (offer.stacking() == Stacking.STACKABLE) {
        together.apply(offer, reasons);
      } else {
        Pass alone = new Pass(basket);
        alone.apply(offer, reasons);
        if (alone.taken > 0 && (bestExclusive == null || alone.taken > bestExclusive.taken)) {
          bestExclusive = alone;
          best = offer;
        }
      }
    }
    Pass chosen = together;
    if (bestExclusive != null && bestExclusive.taken > together.taken) {
      chosen = bestExclusive;
      for (Offer offer : inOrder) {
        if (offer != best && !reasons.containsKey(offer)) {
          reasons.put(offer, offer.stacking() == Stacking.EXCLUSIVE
              ? "\"" + best.name() + "\" takes more off, and only one exclusive promotion applies"
              : "not combined with the exclusive \"" + best.name() + "\", which takes more off");
        }
      }
    } else if (best != null) {
      for (Offer offer : inOrder) {
        if (offer.stacking() == Stacking.EXCLUSIVE && !reasons.containsKey(offer)) {
          reasons.put(offer, "exclusive, and the other promotions together take as much off or more");
        }
      }
    }
    List<NotApplied> notApplied = new ArrayList<>();
    for (Offer offer : inOrder) {
      String reason = reasons.get(offer);
      if (reason != null && !chosen.applied(offer)) {
        notApplied.add(new NotApplied(offer.id(), offer.name(), reason));
      }
    }
    return new Outcome(chosen.applied, notApplied);
  }

  /**
   * Whether the promotion is weighed for the basket at all, and so named in its answer: a code promotion
   * when its code was entered, an automatic one when it {@linkplain #concerns concerns} the basket.
   */
  static boolean considered(Basket basket, Offer offer) {
    return offer.trigger() == Trigger.AUTOMATIC ? concerns(basket, offer) : basket.codes().containsKey(offer.id());
  }

  /** Whether the basket holds an item of the promotion's required item and of its reward's items. */
  private static boolean concerns(Basket basket, Offer offer) {
    Target target = switch (offer.reward()) {
      case FreeShipping free -> null;
      case SpendTiers tiers -> tiers.target();
      case BuyGet buyGet -> buyGet.target();
      case PercentOff percent -> percent.target();
      case AmountOff amount -> amount.target();
    };
    return holds(basket, offer.conditions().requires()) && (target == null || holds(basket, target));
  }

  private static boolean holds(Basket basket, Target target) {
    if (target.everyItem()) {
      return true;
    }
    for (Pricing.Item item : basket.items()) {
      if (target.covers(item)) {
        return true;
      }
    }
    return false;
  }

  /** Why the promotion does not qualify for the basket, or null when it does. */
  static String refusal(Basket basket, Offer offer) {
    Offer.Conditions conditions = offer.conditions();
    if (conditions.startsAt() != null && basket.at().isBefore(conditions.startsAt())) {
      return "starts at " + conditions.startsAt();
    }
    if (conditions.endsAt() != null && !basket.at().isBefore(conditions.endsAt())) {
      return "ended at " + conditions.endsAt();
    }
    if (!conditions.markets().isEmpty() && !conditions.markets().contains(basket.market())) {
      return "only in " + String.join(", ", conditions.markets().stream().sorted().toList());
    }
    if (offer.currency() != null && !offer.currency().equals(basket.currency())) {
      return "only for prices in " + offer.currency();
    }
    int items = basket.itemCount();
    if (items < conditions.minimumItems()) {
      return "needs " + more(conditions.minimumItems() - items);
    }
    long subtotal = basket.subtotal();
    if (subtotal < conditions.minimumSubtotal()) {
      return "needs " + money(conditions.minimumSubtotal() - subtotal, basket) + " more";
    }
    if (!holds(basket, conditions.requires())) {
      return "needs an item of " + conditions.requires().inWords();
    }
    return switch (offer.reward()) {
      case FreeShipping free -> basket.shipping() == 0 ? "shipping is already free" : null;
      case SpendTiers tiers -> {
        long spend = spend(basket, tiers.target());
        long lowest = tiers.tiers().getFirst().threshold();
        yield spend < lowest ? "needs " + money(lowest - spend, basket) + " more of " + tiers.target().inWords() : null;
      }
      case BuyGet buyGet -> {
        int units = units(basket, buyGet.target());
        int group = buyGet.buy() + buyGet.get();
        yield units < group ? "needs " + more(group - units) + " of " + buyGet.target().inWords() : null;
      }
      case PercentOff percent -> noItemFor(basket, percent.target());
      case AmountOff amount -> noItemFor(basket, amount.target());
    };
  }

  private static String noItemFor(Basket basket, Target target) {
    return basket.items().stream().anyMatch(target::covers) ? null : "no item in the cart is of " + target.inWords();
  }

  /** The promotions applied so far on one basket, and what they left of each item and of the shipping. */
  private static final class Pass {

    private final Basket basket;
    private final long[] left;
    private long shippingLeft;
    private long taken;
    private final List<Applied> applied = new ArrayList<>();

    Pass(Basket basket) {
      this.basket = basket;
      this.left = new long[basket.items().size()];
      Arrays.setAll(left, basket::lineTotal);
      this.shippingLeft = basket.shipping();
    }

    void apply(Offer offer, Map<Offer, String> reasons) {
      long[] shares = new long[left.length];
      long shipping = 0;
      switch (offer.reward()) {
        case PercentOff percent -> shares = percentOff(percent.target(), percent.basisPoints());
        case AmountOff amount -> shares = Allocation.proportional(
            Math.min(amount.amount(), sum(weights(amount.target()))), weights(amount.target()));
        case SpendTiers tiers -> shares = percentOff(tiers.target(), tier(tiers).basisPoints());
        case BuyGet buyGet -> shares = buyGet(buyGet);
        case FreeShipping free -> shipping = shippingLeft;
      }
      long amount = shipping + sum(shares);
      if (amount == 0) {
        reasons.put(offer, "nothing is left to take off after the promotions before it");
        return;
      }
      for (int i = 0; i < left.length; i++) {
        left[i] -= shares[i];
      }
      shippingLeft -= shipping;
      taken += amount;
      applied.add(new Applied(offer.id(), offer.name(), basket.codes().get(offer.id()),
          Arrays.stream(shares).boxed().toList(), shipping));
    }

    boolean applied(Offer offer) {
      return applied.stream().anyMatch(promotion -> promotion.promotionId().equals(offer.id()));
    }

    /** What is left of each item the target covers; zero for the others. */
    private long[] weights(Target target) {
      long[] weights = new long[left.length];
      for (int i = 0; i < left.length; i++) {
        weights[i] = target.covers(basket.items().get(i)) ? left[i] : 0;
      }
      return weights;
    }

    private long[] percentOff(Target target, int basisPoints) {
      long[] weights = weights(target);
      return Allocation.proportional(percentOf(sum(weights), basisPoints), weights);
    }

    private Reward.Tier tier(SpendTiers tiers) {
      long spend = spend(basket, tiers.target());
      return tiers.tiers().reversed().stream().filter(tier -> tier.threshold() <= spend).findFirst().orElseThrow();
    }

    /** The cheapest of the target's items get the discount, one group of buy + get at a time. */
    private long[] buyGet(BuyGet buyGet) {
      List<Integer> cheapestFirst = new ArrayList<>();
      for (int i = 0; i < left.length; i++) {
        if (buyGet.target().covers(basket.items().get(i))) {
          cheapestFirst.add(i);
        }
      }
      cheapestFirst.sort(Comparator.comparingLong((Integer i) -> basket.items().get(i).unitPrice()).thenComparing(i -> i));
      int discounted = units(basket, buyGet.target()) / (buyGet.buy() + buyGet.get()) * buyGet.get();
      long[] shares = new long[left.length];
      for (int i : cheapestFirst) {
        if (discounted == 0) {
          break;
        }
        Pricing.Item item = basket.items().get(i);
        int units = Math.min(discounted, item.quantity());
        shares[i] = Math.min(left[i], percentOf(Math.multiplyExact(item.unitPrice(), units), buyGet.basisPoints()));
        discounted -= units;
      }
      return shares;
    }
  }

  private static long percentOf(long amount, int basisPoints) {
    return Math.min(amount, Pricing.divideHalfEven(Math.multiplyExact(amount, basisPoints), 10_000L));
  }

  private static long spend(Basket basket, Target target) {
    long spend = 0;
    for (int i = 0; i < basket.items().size(); i++) {
      if (target.covers(basket.items().get(i))) {
        spend = Math.addExact(spend, basket.lineTotal(i));
      }
    }
    return spend;
  }

  private static int units(Basket basket, Target target) {
    return basket.items().stream().filter(target::covers).mapToInt(Pricing.Item::quantity).sum();
  }

  private static long sum(long[] amounts) {
    long sum = 0;
    for (long amount : amounts) {
      sum = Math.addExact(sum, amount);
    }
    return sum;
  }

  private static String money(long amount, Basket basket) {
    return new Money(amount, basket.currency()).inWords();
  }

  private static String more(int items) {
    return items == 1 ? "1 more item" : items + " more items";
  }
}
