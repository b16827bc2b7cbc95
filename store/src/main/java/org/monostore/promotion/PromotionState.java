package org.monostore.promotion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.monostore.platform.Persisted;
import org.monostore.platform.PersistedAs;
import org.monostore.platform.Rejection;
import org.monostore.promotion.Promotion.ChangeTerms;
import org.monostore.promotion.Promotion.CodesIssued;
import org.monostore.promotion.Promotion.Command;
import org.monostore.promotion.Promotion.Create;
import org.monostore.promotion.Promotion.End;
import org.monostore.promotion.Promotion.Event;
import org.monostore.promotion.Promotion.Pause;
import org.monostore.promotion.Promotion.PromotionCreated;
import org.monostore.promotion.Promotion.PromotionEnded;
import org.monostore.promotion.Promotion.PromotionPaused;
import org.monostore.promotion.Promotion.PromotionResumed;
import org.monostore.promotion.Promotion.PromotionUsedUp;
import org.monostore.promotion.Promotion.RecordCodes;
import org.monostore.promotion.Promotion.ReserveUse;
import org.monostore.promotion.Promotion.Resume;
import org.monostore.promotion.Promotion.Status;
import org.monostore.promotion.Promotion.TermsChanged;
import org.monostore.promotion.Promotion.UseGivenBack;
import org.monostore.promotion.Promotion.UseKept;
import org.monostore.promotion.Promotion.UseReserved;
import org.monostore.promotion.Promotion.UsesFreed;

/**
 * A promotion as its events left it; {@code status} is null until it is created. {@code uses} are the
 * orders that hold a use, reserved or kept, by order id; {@code usedUp} says its uses or its budget ran
 * out (each node's copy of the promotions knows that, and not the uses).
 */
@PersistedAs("promotion.PromotionState")
public record PromotionState(
    Status status, Terms terms, Instant createdAt, Instant updatedAt, String updatedBy, List<String> codes,
    Map<String, Use> uses, boolean usedUp) implements Persisted {

  static final PromotionState NONE =
      new PromotionState(null, null, null, null, null, List.of(), Map.of(), false);

  /**
   * An order's use: whose it is (a lower-case email, null for none), what the promotion took off it,
   * whether it is kept, and when it was reserved (null in uses stored before they had a time).
   */
  public record Use(String email, long amount, boolean kept, Instant reservedAt) {}

  public PromotionState {
    codes = codes == null ? List.of() : codes;
    uses = uses == null ? Map.of() : uses;
  }

  /** Why the command may not be carried out in this state, or null when it may. */
  Rejection refuse(Command command) {
    return switch (command) {
      case Create create -> Rejection.conflict("Promotion exists already, with other terms", status.name(),
          Promotion.allowed(status, terms.trigger()));
      case ChangeTerms change when status == Status.ENDED -> ended("its terms cannot change");
      case RecordCodes record when status == Status.ENDED -> ended("it takes no more codes");
      case RecordCodes record when terms.trigger() != Offer.Trigger.CODE -> Rejection.conflict(
          "The promotion applies by itself (AUTOMATIC): it has no codes", status.name(), Promotion.allowed(status, terms.trigger()));
      case Pause pause when status != Status.ACTIVE -> notNow("paused", "ACTIVE");
      case Resume resume when status != Status.PAUSED -> notNow("resumed", "PAUSED");
      case End end when status == Status.ENDED -> ended("it cannot end again");
      default -> null;
    };
  }

  /** Why the order may not have a use now, naming the limit; null when it may. */
  Rejection refuse(ReserveUse reserve) {
    if (!terms.limited() || uses.containsKey(reserve.orderId())) {
      return null;
    }
    String what = "The promotion \"" + terms.name() + "\" ";
    if (status != Status.ACTIVE) {
      return Rejection.conflict(what + "is " + status + ": the order's price changed, see the cart", status.name());
    }
    String refusal = terms.limits().refusal(what, uses, reserve.orderId(), reserve.email(), reserve.amount(),
        terms.currency());
    return refusal == null ? null : Rejection.conflict(refusal, status.name());
  }

  /** What reserving the use records: the use, and that the promotion ran out if it did. */
  List<Event> reserved(ReserveUse reserve, Instant at) {
    if (!terms.limited() || uses.containsKey(reserve.orderId())) {
      return List.of();
    }
    UseReserved reserved = new UseReserved(reserve.orderId(), UseLimits.email(reserve.email()), reserve.amount(), at);
    return terms.limits().ranOut(apply(reserved).uses()) && !usedUp
        ? List.of(reserved, new PromotionUsedUp(at))
        : List.of(reserved);
  }

  List<Event> kept(String orderId, Instant at) {
    Use use = uses.get(orderId);
    return use == null || use.kept() ? List.of() : List.of(new UseKept(orderId, at));
  }

  /** What giving the use back records: that, and that the promotion prices carts again if it ran out. */
  List<Event> givenBack(String orderId, Instant at) {
    if (!uses.containsKey(orderId)) {
      return List.of();
    }
    UseGivenBack back = new UseGivenBack(orderId, at);
    return usedUp && !terms.limits().ranOut(apply(back).uses()) ? List.of(back, new UsesFreed(at)) : List.of(back);
  }

  private Rejection ended(String consequence) {
    return Rejection.conflict("The promotion has ended: " + consequence, status.name(), Promotion.allowed(status, terms.trigger()));
  }

  private Rejection notNow(String done, String when) {
    return Rejection.conflict("The promotion is " + status + ": it can be " + done + " only when " + when,
        status.name(), Promotion.allowed(status, terms.trigger()));
  }

  PromotionState apply(Event event) {
    return switch (event) {
      case PromotionCreated created -> new PromotionState(Status.ACTIVE, created.terms(), created.at(), created.at(),
          created.admin(), List.of(), Map.of(), false);
      case TermsChanged changed -> new PromotionState(status, changed.terms(), createdAt, changed.at(),
          changed.admin(), codes, uses, usedUp);
      case CodesIssued issued -> {
        List<String> more = new ArrayList<>(codes);
        more.addAll(issued.codes());
        yield new PromotionState(status, terms, createdAt, issued.at(), issued.admin(), List.copyOf(more), uses,
            usedUp);
      }
      case PromotionPaused paused -> withStatus(Status.PAUSED, paused.at(), paused.admin());
      case PromotionResumed resumed -> withStatus(Status.ACTIVE, resumed.at(), resumed.admin());
      case PromotionEnded ended -> withStatus(Status.ENDED, ended.at(), ended.admin());
      case UseReserved reserved -> {
        Map<String, Use> more = new HashMap<>(uses);
        more.put(reserved.orderId(), new Use(reserved.email(), reserved.amount(), false, reserved.at()));
        yield withUses(more, usedUp);
      }
      case UseKept kept -> {
        Map<String, Use> more = new HashMap<>(uses);
        more.computeIfPresent(kept.orderId(),
            (order, use) -> new Use(use.email(), use.amount(), true, use.reservedAt()));
        yield withUses(more, usedUp);
      }
      case UseGivenBack back -> {
        Map<String, Use> fewer = new HashMap<>(uses);
        fewer.remove(back.orderId());
        yield withUses(fewer, usedUp);
      }
      case PromotionUsedUp ranOut -> withUses(uses, true);
      case UsesFreed freed -> withUses(uses, false);
    };
  }

  private PromotionState withStatus(Status newStatus, Instant at, String admin) {
    return new PromotionState(newStatus, terms, createdAt, at, admin, codes, uses, usedUp);
  }

  private PromotionState withUses(Map<String, Use> newUses, boolean nowUsedUp) {
    return new PromotionState(status, terms, createdAt, updatedAt, updatedBy, codes, Map.copyOf(newUses), nowUsedUp);
  }

  /** Of these codes, those it does not have yet, each once, in their order. */
  List<String> newCodes(List<String> issued) {
    Set<String> known = new HashSet<>(codes);
    return issued.stream().filter(known::add).toList();
  }

  /** Whether it prices carts: active, and not used up. */
  boolean isLive() {
    return status == Status.ACTIVE && !usedUp;
  }

  /** Active, but its uses or budget ran out: carts are told so instead of being priced with it. */
  boolean isRunOut() {
    return status == Status.ACTIVE && usedUp;
  }

  PromotionView view(String promotionId) {
    return new PromotionView(promotionId, status, PromotionDefinition.of(terms), codes.size(), usedUp, createdAt,
        updatedAt, updatedBy);
  }
}
