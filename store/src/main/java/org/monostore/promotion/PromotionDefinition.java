package org.monostore.promotion;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.monostore.platform.Rejection;
import org.monostore.promotion.Offer.Stacking;
import org.monostore.promotion.Offer.Trigger;
import org.monostore.promotion.Terms.RewardKind;
import org.monostore.promotion.Terms.Scope;
import org.monostore.promotion.Terms.Step;
import org.monostore.shared.Market;
import org.monostore.shared.Markets;
import org.monostore.shared.StorableText;

/**
 * A promotion as an admin writes it and reads it back: what it gives ({@code reward}), when
 * ({@code conditions}) and how it combines with others. {@link #terms} checks it field by field.
 */
@Schema(name = "PromotionDefinition", description = "What a promotion gives, when, and how it combines with others. "
    + "Amounts are in minor units of currency (10000 is 100.00 SEK); percentages may have two decimals.")
public record PromotionDefinition(
    @Schema(description = "Shown to shoppers with the discount; 1-100 characters", example = "10 % off books",
        requiredMode = Schema.RequiredMode.REQUIRED) String name,
    @Schema(description = "AUTOMATIC: applies by itself when its conditions hold; CODE: only with one of its codes",
        requiredMode = Schema.RequiredMode.REQUIRED) Trigger trigger,
    @Schema(description = "Higher applies first among stackable promotions; -1000 to 1000, default 0",
        nullable = true) Integer priority,
    @Schema(description = "STACKABLE (the default): applies with the other stackable ones, on what they left; "
        + "EXCLUSIVE: applies alone, when it takes more off than the stackable ones together", nullable = true)
        Stacking stacking,
    @Schema(description = "The ISO 4217 currency of its amounts; needed when it has any (an amount off, spend "
        + "tiers, a minimum subtotal), and then it applies only to carts in that currency", example = "SEK",
        nullable = true) String currency,
    @Schema(description = "When it qualifies; none: always", nullable = true) Conditions conditions,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Reward reward,
    @Schema(description = "How often it may be used; none: without limit", nullable = true) Limits limits) {

  /** A definition without limits. */
  public PromotionDefinition(
      String name, Trigger trigger, Integer priority, Stacking stacking, String currency, Conditions conditions,
      Reward reward) {
    this(name, trigger, priority, stacking, currency, conditions, reward, null);
  }

  @Schema(name = "PromotionLimits", description = "Counted by paid orders: a use is reserved when an order's payment "
      + "is added, kept when it is authorized, and given back when the payment is declined or the order cancelled")
  public record Limits(
      @Schema(description = "Orders in all", example = "100", nullable = true) Integer uses,
      @Schema(description = "Orders per customer, by the order's contact email", example = "1", nullable = true)
          Integer usesPerCustomer,
      @Schema(description = "All it may take off, in minor units of currency", example = "1000000", nullable = true)
          Long budget) {}

  @Schema(name = "PromotionConditions", description = "All must hold for the promotion to qualify")
  public record Conditions(
      @Schema(description = "From this moment; none: from now", nullable = true) Instant startsAt,
      @Schema(description = "Until before this moment, after startsAt; none: open-ended", nullable = true)
          Instant endsAt,
      @Schema(description = "The markets it applies in; none: every market", example = "[\"SE\"]", nullable = true)
          List<String> markets,
      @Schema(description = "The goods' subtotal before discounts it needs, in minor units", nullable = true)
          Long minimumSubtotal,
      @Schema(description = "How many items the cart needs", nullable = true) Integer minimumItems,
      @Schema(description = "An item the cart must hold: one of these SKUs or categories", nullable = true)
          Items requires) {}

  @Schema(name = "PromotionItems", description = "Products by SKU and by catalog category (in any case); "
      + "none of either: every item")
  public record Items(
      @Schema(example = "[\"BOOK-000001\"]", nullable = true) List<String> skus,
      @Schema(example = "[\"Books\"]", nullable = true) List<String> categories) {}

  @Schema(name = "PromotionReward", description = "What it takes off. PERCENT_OFF: percent of target's items; "
      + "AMOUNT_OFF: amount off target's items, split over them in proportion; SPEND_TIERS: the percent of the "
      + "highest tier whose threshold the spend on target's items reaches; BUY_GET: of every buy + get items of "
      + "target, the cheapest get percent off (100: free); FREE_SHIPPING: the shipping fee")
  public record Reward(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) RewardKind type,
      @Schema(description = "PERCENT_OFF, BUY_GET: above 0 and at most 100", example = "10", nullable = true)
          BigDecimal percent,
      @Schema(description = "AMOUNT_OFF: positive, in minor units", nullable = true) Long amount,
      @Schema(description = "BUY_GET: how many to buy", nullable = true) Integer buy,
      @Schema(description = "BUY_GET: how many of them get the discount", nullable = true) Integer get,
      @Schema(description = "SPEND_TIERS: thresholds going up", nullable = true) List<Tier> tiers,
      @Schema(description = "The items it is off; none: every item (not for FREE_SHIPPING)", nullable = true)
          Items target) {}

  @Schema(name = "PromotionTier")
  public record Tier(
      @Schema(description = "The spend it needs, in minor units", example = "100000") Long threshold,
      @Schema(example = "10") BigDecimal percent) {}

  private static final int MAX_NAME = 100;
  private static final int MAX_PRIORITY = 1000;
  private static final int MAX_ITEMS = 200;
  private static final int MAX_TIERS = 10;
  private static final int MAX_MINIMUM_ITEMS = 10_000;
  private static final int MAX_USES = 100_000_000;

  /** The terms it defines, or a 400 naming the first field at fault. */
  Terms terms(Markets knownMarkets) {
    String checkedName = name == null ? null : name.strip();
    if (checkedName == null || checkedName.isEmpty()) {
      throw invalid("name", "'name' is required");
    }
    if (checkedName.length() > MAX_NAME || !StorableText.Check.isStorable(checkedName)) {
      throw invalid("name", "'name' must be 1-" + MAX_NAME + " characters of visible text");
    }
    if (trigger == null) {
      throw invalid("trigger", "'trigger' must be AUTOMATIC or CODE");
    }
    int checkedPriority = priority == null ? 0 : priority;
    if (Math.abs(checkedPriority) > MAX_PRIORITY) {
      throw invalid("priority", "'priority' must be from -" + MAX_PRIORITY + " to " + MAX_PRIORITY);
    }
    if (reward == null || reward.type() == null) {
      throw invalid("reward.type", "'reward.type' must be one of " + List.of(RewardKind.values()));
    }
    Conditions when = conditions == null ? new Conditions(null, null, null, null, null, null) : conditions;
    if (when.startsAt() != null && when.endsAt() != null && !when.endsAt().isAfter(when.startsAt())) {
      throw invalid("conditions.endsAt", "'conditions.endsAt' must be after 'conditions.startsAt'");
    }
    List<String> markets = markets(when.markets(), knownMarkets);
    long minimumSubtotal = when.minimumSubtotal() == null ? 0 : when.minimumSubtotal();
    if (minimumSubtotal < 0) {
      throw invalid("conditions.minimumSubtotal", "'conditions.minimumSubtotal' must not be negative");
    }
    int minimumItems = when.minimumItems() == null ? 0 : when.minimumItems();
    if (minimumItems < 0 || minimumItems > MAX_MINIMUM_ITEMS) {
      throw invalid("conditions.minimumItems", "'conditions.minimumItems' must be from 0 to " + MAX_MINIMUM_ITEMS);
    }
    Scope requires = scope(when.requires(), "conditions.requires");
    RewardKind kind = reward.type();
    unused(kind);
    Scope target = scope(reward.target(), "reward.target");
    int basisPoints = switch (kind) {
      case PERCENT_OFF, BUY_GET -> basisPoints(reward.percent(), "reward.percent");
      default -> 0;
    };
    long amount = 0;
    if (kind == RewardKind.AMOUNT_OFF) {
      if (reward.amount() == null || reward.amount() <= 0) {
        throw invalid("reward.amount", "'reward.amount' must be a positive amount in minor units");
      }
      amount = reward.amount();
    }
    int buy = 0;
    int get = 0;
    if (kind == RewardKind.BUY_GET) {
      buy = count(reward.buy(), "reward.buy");
      get = count(reward.get(), "reward.get");
    }
    List<Step> tiers = kind == RewardKind.SPEND_TIERS ? tiers(reward.tiers()) : List.of();
    UseLimits useLimits = checked(limits, "limits");
    boolean hasAmounts = amount > 0 || !tiers.isEmpty() || minimumSubtotal > 0 || useLimits.budget() > 0;
    String checkedCurrency = currency(hasAmounts, markets, knownMarkets);
    return new Terms(checkedName, trigger, checkedPriority, stacking == null ? Stacking.STACKABLE : stacking,
        checkedCurrency, when.startsAt(), when.endsAt(), markets, minimumSubtotal, minimumItems, requires, kind,
        target, basisPoints, amount, buy, get, tiers, useLimits.uses(), useLimits.usesPerCustomer(),
        useLimits.budget());
  }

  /** A field that the reward's type does not read is refused, so that nobody believes it counts. */
  private void unused(RewardKind kind) {
    List<String> unused = new ArrayList<>();
    if (reward.percent() != null && kind != RewardKind.PERCENT_OFF && kind != RewardKind.BUY_GET) {
      unused.add("percent");
    }
    if (reward.amount() != null && kind != RewardKind.AMOUNT_OFF) {
      unused.add("amount");
    }
    if ((reward.buy() != null || reward.get() != null) && kind != RewardKind.BUY_GET) {
      unused.add(reward.buy() != null ? "buy" : "get");
    }
    if (reward.tiers() != null && kind != RewardKind.SPEND_TIERS) {
      unused.add("tiers");
    }
    if (reward.target() != null && kind == RewardKind.FREE_SHIPPING) {
      unused.add("target");
    }
    if (!unused.isEmpty()) {
      String field = "reward." + unused.getFirst();
      throw invalid(field, "'" + field + "' is not used by a " + kind + " reward");
    }
  }

  private static List<String> markets(List<String> markets, Markets known) {
    if (markets == null) {
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    for (String market : markets) {
      if (market == null || known.find(market).isEmpty()) {
        throw invalid("conditions.markets", "'conditions.markets' must name markets of "
            + known.currencyByMarket().keySet());
      }
      seen.add(market);
    }
    return List.copyOf(new TreeSet<>(seen));
  }

  private String currency(boolean hasAmounts, List<String> markets, Markets known) {
    if (currency == null) {
      if (hasAmounts) {
        throw invalid("currency", "'currency' is required: the promotion has amounts");
      }
      return null;
    }
    if (known.all().stream().map(Market::currency).noneMatch(currency::equals)) {
      throw invalid("currency", "'currency' must be the currency of a market: one of "
          + known.all().stream().map(Market::currency).distinct().toList());
    }
    for (String market : markets) {
      String theirs = known.find(market).orElseThrow().currency();
      if (!theirs.equals(currency)) {
        throw invalid("currency", "'currency' is " + currency + " but market " + market + " sells in " + theirs);
      }
    }
    return currency;
  }

  private static Scope scope(Items items, String field) {
    if (items == null) {
      return Scope.EVERY_ITEM;
    }
    List<String> skus = names(items.skus(), field + ".skus");
    List<String> categories = names(items.categories(), field + ".categories");
    return new Scope(skus, categories);
  }

  private static List<String> names(List<String> names, String field) {
    if (names == null) {
      return List.of();
    }
    if (names.size() > MAX_ITEMS) {
      throw invalid(field, "'" + field + "' holds at most " + MAX_ITEMS);
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String name : names) {
      if (name == null || name.isBlank() || name.length() > MAX_NAME || !StorableText.Check.isStorable(name)) {
        throw invalid(field, "'" + field + "' must hold names of 1-" + MAX_NAME + " visible characters");
      }
      seen.add(name.strip());
    }
    return List.copyOf(seen);
  }

  private static int basisPoints(BigDecimal percent, String field) {
    if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw invalid(field, "'" + field + "' must be above 0 and at most 100");
    }
    try {
      return percent.movePointRight(2).intValueExact();
    } catch (ArithmeticException e) {
      throw invalid(field, "'" + field + "' must have at most two decimals");
    }
  }

  /** The limits, checked field by field ({@code field} is where they are in the request); none: no limit. */
  static UseLimits checked(Limits limits, String field) {
    if (limits == null) {
      return UseLimits.NONE;
    }
    long budget = limits.budget() == null ? 0 : limits.budget();
    if (limits.budget() != null && budget <= 0) {
      throw invalid(field + ".budget", "'" + field + ".budget' must be a positive amount in minor units");
    }
    return new UseLimits(limit(limits.uses(), field + ".uses"),
        limit(limits.usesPerCustomer(), field + ".usesPerCustomer"), budget);
  }

  private static int limit(Integer limit, String field) {
    if (limit == null) {
      return 0;
    }
    if (limit < 1 || limit > MAX_USES) {
      throw invalid(field, "'" + field + "' must be a whole number from 1 to " + MAX_USES);
    }
    return limit;
  }

  private static int count(Integer count, String field) {
    if (count == null || count < 1 || count > 100) {
      throw invalid(field, "'" + field + "' must be a whole number from 1 to 100");
    }
    return count;
  }

  private static List<Step> tiers(List<Tier> tiers) {
    if (tiers == null || tiers.isEmpty() || tiers.size() > MAX_TIERS) {
      throw invalid("reward.tiers", "'reward.tiers' must hold 1-" + MAX_TIERS + " tiers");
    }
    List<Step> steps = new ArrayList<>(tiers.size());
    for (int i = 0; i < tiers.size(); i++) {
      Tier tier = tiers.get(i);
      String field = "reward.tiers[" + i + "]";
      if (tier == null || tier.threshold() == null || tier.threshold() <= 0) {
        throw invalid(field + ".threshold", "'" + field + ".threshold' must be a positive amount in minor units");
      }
      if (i > 0 && tier.threshold() <= steps.get(i - 1).threshold()) {
        throw invalid(field + ".threshold", "'" + field + ".threshold' must be above the tier before it");
      }
      steps.add(new Step(tier.threshold(), basisPoints(tier.percent(), field + ".percent")));
    }
    return steps;
  }

  /** The definition that {@link #terms} reads back as the same terms. */
  static PromotionDefinition of(Terms terms) {
    Reward reward = new Reward(terms.reward(),
        terms.basisPoints() == 0 ? null : percent(terms.basisPoints()),
        terms.reward() == RewardKind.AMOUNT_OFF ? terms.amount() : null,
        terms.reward() == RewardKind.BUY_GET ? terms.buy() : null,
        terms.reward() == RewardKind.BUY_GET ? terms.get() : null,
        terms.reward() == RewardKind.SPEND_TIERS ? terms.tiers().stream()
            .map(step -> new Tier(step.threshold(), percent(step.basisPoints())))
            .toList() : null,
        terms.reward() == RewardKind.FREE_SHIPPING ? null : items(terms.target()));
    return new PromotionDefinition(terms.name(), terms.trigger(), terms.priority(), terms.stacking(), terms.currency(),
        new Conditions(terms.startsAt(), terms.endsAt(), terms.markets(), terms.minimumSubtotal(),
            terms.minimumItems(), items(terms.requires())),
        reward,
        terms.limited() ? new Limits(terms.maxUses() == 0 ? null : terms.maxUses(),
            terms.maxUsesPerCustomer() == 0 ? null : terms.maxUsesPerCustomer(),
            terms.budget() == 0 ? null : terms.budget()) : null);
  }

  /** 1250 basis points as 12.5, 1000 as 10. */
  private static BigDecimal percent(int basisPoints) {
    BigDecimal percent = BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros();
    return percent.scale() < 0 ? percent.setScale(0) : percent;
  }

  private static Items items(Scope scope) {
    return new Items(scope.skus(), scope.categories());
  }

  private static RuntimeException invalid(String field, String detail) {
    return Rejection.invalid(field, detail).asException();
  }
}
