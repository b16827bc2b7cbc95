package org.monostore.promotion;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.monostore.promotion.Offer.Conditions;
import org.monostore.promotion.Offer.Reward;
import org.monostore.promotion.Offer.Stacking;
import org.monostore.promotion.Offer.Target;
import org.monostore.promotion.Offer.Trigger;

/**
 * A promotion's definition as its events keep it: flat and of plain values, so that the stored form
 * stays readable whatever the engine's model or the API's shape become. Percentages are in basis
 * points, amounts in minor units of {@code currency}; a field the reward does not use is zero or empty.
 * The limits are zero where there is none (and in terms stored before there were limits): {@code
 * maxUses} orders in all, {@code maxUsesPerCustomer} orders per contact email, {@code budget} in all
 * discounted.
 */
public record Terms(
    String name, Trigger trigger, int priority, Stacking stacking, String currency,
    Instant startsAt, Instant endsAt, List<String> markets, long minimumSubtotal, int minimumItems,
    Scope requires, RewardKind reward, Scope target, int basisPoints, long amount, int buy, int get,
    List<Step> tiers, int maxUses, int maxUsesPerCustomer, long budget) {

  public enum RewardKind { PERCENT_OFF, AMOUNT_OFF, SPEND_TIERS, BUY_GET, FREE_SHIPPING }

  /** Items by SKU and category; none of either is every item. */
  public record Scope(List<String> skus, List<String> categories) {

    static final Scope EVERY_ITEM = new Scope(List.of(), List.of());

    public Scope {
      skus = skus == null ? List.of() : List.copyOf(skus);
      categories = categories == null ? List.of() : List.copyOf(categories);
    }

    Target target() {
      return new Target(Set.copyOf(skus), Set.copyOf(categories));
    }
  }

  /** A spend tier: from this threshold, this percentage. */
  public record Step(long threshold, int basisPoints) {}

  /** Terms without limits. */
  public Terms(
      String name, Trigger trigger, int priority, Stacking stacking, String currency,
      Instant startsAt, Instant endsAt, List<String> markets, long minimumSubtotal, int minimumItems,
      Scope requires, RewardKind reward, Scope target, int basisPoints, long amount, int buy, int get,
      List<Step> tiers) {
    this(name, trigger, priority, stacking, currency, startsAt, endsAt, markets, minimumSubtotal, minimumItems,
        requires, reward, target, basisPoints, amount, buy, get, tiers, 0, 0, 0);
  }

  /** Whether uses are counted: only then does checkout reserve them. */
  boolean limited() {
    return limits().any();
  }

  UseLimits limits() {
    return new UseLimits(maxUses, maxUsesPerCustomer, budget);
  }

  public Terms {
    markets = markets == null ? List.of() : List.copyOf(markets);
    requires = requires == null ? Scope.EVERY_ITEM : requires;
    target = target == null ? Scope.EVERY_ITEM : target;
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
  }

  /** The promotion as the engine evaluates it; throws IllegalArgumentException for terms it cannot price. */
  Offer offer(String promotionId) {
    Conditions conditions = new Conditions(startsAt, endsAt, Set.copyOf(markets), minimumSubtotal, minimumItems,
        requires.target());
    Reward rewardGiven = switch (reward) {
      case PERCENT_OFF -> new Reward.PercentOff(target.target(), basisPoints);
      case AMOUNT_OFF -> new Reward.AmountOff(target.target(), amount);
      case SPEND_TIERS -> new Reward.SpendTiers(target.target(),
          tiers.stream().map(step -> new Reward.Tier(step.threshold(), step.basisPoints())).toList());
      case BUY_GET -> new Reward.BuyGet(target.target(), buy, get, basisPoints);
      case FREE_SHIPPING -> new Reward.FreeShipping();
    };
    return new Offer(promotionId, name, trigger, priority, stacking, currency, conditions, rewardGiven);
  }
}
