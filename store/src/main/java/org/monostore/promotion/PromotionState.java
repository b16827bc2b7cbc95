package org.monostore.promotion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.monostore.promotion.Promotion.RecordCodes;
import org.monostore.promotion.Promotion.Resume;
import org.monostore.promotion.Promotion.Status;
import org.monostore.promotion.Promotion.TermsChanged;
import org.monostore.platform.Rejection;

/** A promotion as its events left it; {@code status} is null until it is created. */
public record PromotionState(
    Status status, Terms terms, Instant createdAt, Instant updatedAt, String updatedBy, List<String> codes) {

  static final PromotionState NONE = new PromotionState(null, null, null, null, null, List.of());

  /** Why the command may not be carried out in this state, or null when it may. */
  Rejection refuse(Command command) {
    return switch (command) {
      case Create create -> Rejection.conflict("Promotion exists already, with other terms", status.name(),
          Promotion.allowed(status));
      case ChangeTerms change when status == Status.ENDED -> ended("its terms cannot change");
      case RecordCodes record when status == Status.ENDED -> ended("it takes no more codes");
      case RecordCodes record when terms.trigger() != Offer.Trigger.CODE -> Rejection.conflict(
          "The promotion applies by itself (AUTOMATIC): it has no codes", status.name(), Promotion.allowed(status));
      case Pause pause when status != Status.ACTIVE -> notNow("paused", "ACTIVE");
      case Resume resume when status != Status.PAUSED -> notNow("resumed", "PAUSED");
      case End end when status == Status.ENDED -> ended("it cannot end again");
      default -> null;
    };
  }

  private Rejection ended(String consequence) {
    return Rejection.conflict("The promotion has ended: " + consequence, status.name(), Promotion.allowed(status));
  }

  private Rejection notNow(String done, String when) {
    return Rejection.conflict("The promotion is " + status + ": it can be " + done + " only when " + when,
        status.name(), Promotion.allowed(status));
  }

  PromotionState apply(Event event) {
    return switch (event) {
      case PromotionCreated created ->
          new PromotionState(Status.ACTIVE, created.terms(), created.at(), created.at(), created.admin(), List.of());
      case TermsChanged changed ->
          new PromotionState(status, changed.terms(), createdAt, changed.at(), changed.admin(), codes);
      case CodesIssued issued -> {
        List<String> more = new ArrayList<>(codes);
        more.addAll(issued.codes());
        yield new PromotionState(status, terms, createdAt, issued.at(), issued.admin(), List.copyOf(more));
      }
      case PromotionPaused paused -> withStatus(Status.PAUSED, paused);
      case PromotionResumed resumed -> withStatus(Status.ACTIVE, resumed);
      case PromotionEnded ended -> withStatus(Status.ENDED, ended);
    };
  }

  private PromotionState withStatus(Status newStatus, Event event) {
    return new PromotionState(newStatus, terms, createdAt, event.at(), event.admin(), codes);
  }

  /** Of these codes, those it does not have yet, each once, in their order. */
  List<String> newCodes(List<String> issued) {
    Set<String> known = new HashSet<>(codes);
    return issued.stream().filter(known::add).toList();
  }

  boolean isLive() {
    return status == Status.ACTIVE;
  }

  PromotionView view(String promotionId) {
    return new PromotionView(promotionId, status, PromotionDefinition.of(terms), codes.size(), createdAt, updatedAt,
        updatedBy);
  }
}
