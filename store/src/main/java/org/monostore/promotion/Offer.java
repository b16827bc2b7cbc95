package org.monostore.promotion;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.monostore.pricing.Pricing;

/**
 * What a promotion gives and when, as the engine evaluates it: a definition, free of its codes' and
 * uses' bookkeeping. Amounts are in minor units of {@code currency}, percentages in basis points (1250
 * is 12.5 %). A definition that could not be priced is refused when it is made, naming what is wrong.
 *
 * @param trigger whether it applies by itself or only with one of its codes
 * @param priority higher first: the order in which stackable promotions take their share
 * @param currency the currency its amounts are in, null when it has none (percentages, free shipping);
 *     a promotion with amounts applies only to carts in that currency
 */
public record Offer(
    String id, String name, Trigger trigger, int priority, Stacking stacking, String currency, Conditions conditions,
    Reward reward) {

  public enum Trigger { AUTOMATIC, CODE }

  /**
   * Stackable promotions apply one after another, each on what the ones before left; an exclusive one
   * combines with none (see {@link PromotionEngine}).
   */
  public enum Stacking { STACKABLE, EXCLUSIVE }

  public Offer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(stacking, "stacking");
    conditions = conditions == null ? Conditions.ALWAYS : conditions;
    Objects.requireNonNull(reward, "reward");
    if (currency == null && (conditions.minimumSubtotal() > 0 || reward.hasAmounts())) {
      throw new IllegalArgumentException("a promotion with amounts names their currency");
    }
  }

  /** The items a reward or a condition is about: these SKUs and categories; none of either is every item. */
  public record Target(Set<String> skus, Set<String> categories) {

    public static final Target EVERY_ITEM = new Target(Set.of(), Set.of());

    public Target {
      skus = skus == null ? Set.of() : Set.copyOf(skus);
      categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    public static Target skus(String... skus) {
      return new Target(Set.of(skus), Set.of());
    }

    public static Target categories(String... categories) {
      return new Target(Set.of(), Set.of(categories));
    }

    boolean everyItem() {
      return skus.isEmpty() && categories.isEmpty();
    }

    /** Categories match in any case, as the catalog's listing does. A loop: it runs per item per promotion. */
    boolean covers(Pricing.Item item) {
      if (everyItem() || skus.contains(item.sku())) {
        return true;
      }
      if (item.category() != null) {
        for (String category : categories) {
          if (category.equalsIgnoreCase(item.category())) {
            return true;
          }
        }
      }
      return false;
    }

    /** In words, for a reason: "Books", "BOOK-000001 or Kitchen". */
    String inWords() {
      return everyItem() ? "any item" : String.join(" or ",
          Stream.concat(skus.stream().sorted(), categories.stream().sorted()).toList());
    }
  }

  /**
   * When a promotion qualifies: within its window (from {@code startsAt}, until before {@code endsAt};
   * null is open), in one of its markets (none: every market), at a minimum subtotal of goods before any
   * discount, a minimum count of items, and with an item of {@code requires} in the cart.
   */
  public record Conditions(
      Instant startsAt, Instant endsAt, Set<String> markets, long minimumSubtotal, int minimumItems, Target requires) {

    public static final Conditions ALWAYS = new Conditions(null, null, Set.of(), 0, 0, Target.EVERY_ITEM);

    public Conditions {
      markets = markets == null ? Set.of() : Set.copyOf(markets);
      requires = requires == null ? Target.EVERY_ITEM : requires;
      if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
        throw new IllegalArgumentException("a promotion ends after it starts");
      }
      if (minimumSubtotal < 0 || minimumItems < 0) {
        throw new IllegalArgumentException("minimums are not negative");
      }
    }
  }

  /** What a promotion takes off. */
  public sealed interface Reward {

    default boolean hasAmounts() {
      return false;
    }

    /** A percentage off the items of {@code target}. */
    record PercentOff(Target target, int basisPoints) implements Reward {
      public PercentOff {
        target = target == null ? Target.EVERY_ITEM : target;
        requirePercentage(basisPoints);
      }
    }

    /** A fixed amount off the items of {@code target}, split over them in proportion; never more than they cost. */
    record AmountOff(Target target, long amount) implements Reward {
      public AmountOff {
        target = target == null ? Target.EVERY_ITEM : target;
        if (amount <= 0) {
          throw new IllegalArgumentException("an amount off is positive");
        }
      }

      @Override
      public boolean hasAmounts() {
        return true;
      }
    }

    /**
     * The percentage of the highest tier that the spend on {@code target}'s items reaches (10 % over
     * 1,000, 15 % over 2,000); the spend is counted before any discount.
     */
    record SpendTiers(Target target, List<Tier> tiers) implements Reward {
      public SpendTiers {
        target = target == null ? Target.EVERY_ITEM : target;
        tiers = List.copyOf(tiers);
        if (tiers.isEmpty()) {
          throw new IllegalArgumentException("spend tiers have at least one tier");
        }
        for (int i = 1; i < tiers.size(); i++) {
          if (tiers.get(i).threshold() <= tiers.get(i - 1).threshold()) {
            throw new IllegalArgumentException("spend tiers go up: each threshold above the one before");
          }
        }
      }

      @Override
      public boolean hasAmounts() {
        return true;
      }
    }

    record Tier(long threshold, int basisPoints) {
      public Tier {
        if (threshold <= 0) {
          throw new IllegalArgumentException("a tier's threshold is positive");
        }
        requirePercentage(basisPoints);
      }
    }

    /**
     * Buy {@code buy}, get {@code get} at {@code basisPoints} off (10000: free): of every buy + get items
     * of {@code target} in the cart, the cheapest get the discount, repeated as often as the cart holds them.
     */
    record BuyGet(Target target, int buy, int get, int basisPoints) implements Reward {
      public BuyGet {
        target = target == null ? Target.EVERY_ITEM : target;
        if (buy < 1 || get < 1) {
          throw new IllegalArgumentException("buy X get Y counts at least one of each");
        }
        requirePercentage(basisPoints);
      }
    }

    /** The shipping fee, all of it. */
    record FreeShipping() implements Reward {}
  }

  private static void requirePercentage(int basisPoints) {
    if (basisPoints <= 0 || basisPoints > 10_000) {
      throw new IllegalArgumentException("a percentage is above 0 and at most 100");
    }
  }
}
