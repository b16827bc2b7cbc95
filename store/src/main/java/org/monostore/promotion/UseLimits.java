package org.monostore.promotion;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.monostore.promotion.PromotionState.Use;
import org.monostore.shared.Money;

/**
 * How often a promotion, or one of its codes, may be used, and the rules that keep to it; zero is no
 * limit. Uses are counted by order: each holds one, with its contact email and what it took off.
 */
public record UseLimits(int uses, int usesPerCustomer, long budget) {

  static final UseLimits NONE = new UseLimits(0, 0, 0);

  /** Whether uses are counted at all: only then is a use reserved. */
  public boolean any() {
    return uses > 0 || usesPerCustomer > 0 || budget > 0;
  }

  /**
   * Why the order may not have a use, naming the limit after {@code what} ("The code X "); null when it
   * may, and for an order that holds one already.
   */
  String refusal(String what, Map<String, Use> taken, String orderId, String email, long amount, String currency) {
    if (!any() || taken.containsKey(orderId)) {
      return null;
    }
    if (uses > 0 && taken.size() >= uses) {
      return what + "is used up: its " + uses + " uses are taken";
    }
    String customer = email(email);
    if (usesPerCustomer > 0 && customer != null
        && taken.values().stream().filter(use -> customer.equals(use.email())).count() >= usesPerCustomer) {
      return what + "was used by " + customer + " " + usesPerCustomer
          + " time(s) already: the most it allows per customer";
    }
    if (budget > 0 && budgetUsed(taken) + amount > budget) {
      return what + "has " + money(budget - budgetUsed(taken), currency) + " of its budget left, less than the "
          + money(amount, currency) + " it would take off this order";
    }
    return null;
  }

  /** Whether no further order can have a use: all uses taken, or nothing left of the budget. */
  boolean ranOut(Map<String, Use> taken) {
    return (uses > 0 && taken.size() >= uses) || (budget > 0 && budgetUsed(taken) >= budget);
  }

  /**
   * The orders, with their use, whose use was reserved before {@code before} and is not kept, oldest
   * first, at most {@code max}; a use stored before uses had a time counts as old.
   */
  static List<Map.Entry<String, Use>> reservedBefore(Map<String, Use> taken, Instant before, int max) {
    return taken.entrySet().stream()
        .filter(use -> !use.getValue().kept()
            && (use.getValue().reservedAt() == null || use.getValue().reservedAt().isBefore(before)))
        .sorted(Comparator.comparing((Map.Entry<String, Use> use) -> use.getValue().reservedAt(),
            Comparator.nullsFirst(Comparator.naturalOrder())))
        .limit(max)
        .toList();
  }

  private static long budgetUsed(Map<String, Use> taken) {
    long used = 0;
    for (Use use : taken.values()) {
      used += use.amount();
    }
    return used;
  }

  private static String money(long amount, String currency) {
    return currency == null ? String.valueOf(amount) : new Money(amount, currency).inWords();
  }

  /** A contact email as uses are counted by it: in lower case; null for none. */
  static String email(String email) {
    return email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
  }
}
