package org.monostore.promotion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.monostore.catalog.Catalog;
import org.monostore.platform.Asks;
import org.monostore.platform.EntityIds;
import org.monostore.platform.EntityType;
import org.monostore.platform.Rejection;
import org.monostore.shared.Markets;
import org.springframework.stereotype.Component;

/**
 * The promotions of the cluster, by id: starts the Promotion entities on this node (at start-up),
 * checks a definition against the markets and the catalog, and asks the entities.
 */
@Component
public class Promotions implements EntityType {

  private final ClusterSharding sharding;
  private final Asks asks;
  private final Markets markets;
  private final Catalog catalog;
  private final ActorSystem<?> system;
  private final ReservedUseCheck reservedUseCheck;

  Promotions(
      ClusterSharding sharding, Asks asks, Markets markets, Catalog catalog, ActorSystem<?> system,
      OrderOutcomes orders, PromotionSettings settings) {
    this.system = system;
    this.reservedUseCheck = new ReservedUseCheck(orders, settings.reservedUseCheck());
    this.sharding = sharding;
    this.asks = asks;
    this.markets = markets;
    this.catalog = catalog;
  }

  @Override
  public void start() {
    Promotion.init(sharding, reservedUseCheck);
    Coupon.init(sharding, reservedUseCheck);
  }

  /** The terms the definition gives, checked field by field and against the catalog; a 400 names what is wrong. */
  Terms terms(PromotionDefinition definition) {
    if (definition == null) {
      throw Rejection.invalid(null, "The request needs a promotion definition as its JSON body").asException();
    }
    Terms terms = definition.terms(markets);
    known(terms.requires(), "conditions.requires");
    known(terms.target(), "reward.target");
    try {
      terms.offer(EntityIds.newId());
    } catch (IllegalArgumentException e) {
      throw Rejection.invalid(null, "The promotion cannot be priced: " + e.getMessage()).asException();
    }
    return terms;
  }

  private void known(Terms.Scope scope, String field) {
    List<String> unknown = catalog.unknown(scope.skus(), scope.categories());
    if (!unknown.isEmpty()) {
      String which = scope.skus().contains(unknown.getFirst()) ? ".skus" : ".categories";
      throw Rejection.invalid(field + which, "'" + field + which + "' names what the catalog does not have: "
          + String.join(", ", unknown.stream().limit(5).toList())
          + (unknown.size() > 5 ? " and " + (unknown.size() - 5) + " more" : "")).asException();
    }
  }

  /**
   * Issues codes to a CODE promotion: the ones given, and {@code generate} more made up at random with
   * the prefix. A code that belongs to another promotion is a 409 naming it, and no code is issued.
   */
  List<String> issueCodes(
      String promotionId, List<String> given, int generate, String prefix, UseLimits limits, String admin) {
    PromotionView promotion = ask(promotionId, Promotion.Get::new);
    if (promotion.definition().trigger() != Offer.Trigger.CODE || promotion.status() == Promotion.Status.ENDED) {
      // The entity refuses it with the words and the status a client can act on.
      ask(promotionId, replyTo -> new Promotion.RecordCodes(List.of(), admin, replyTo));
    }
    List<String> taken = new ArrayList<>();
    for (String code : given) {
      Coupon.Reply found = asks.await(asks.askLater(coupon(code), Coupon.Find::new));
      if (found instanceof Coupon.Issued issued && !issued.promotionId().equals(promotionId)) {
        taken.add(code);
      }
    }
    if (!taken.isEmpty()) {
      throw Rejection.conflict("These codes belong to another promotion: " + String.join(", ", taken), "ISSUED")
          .asException();
    }
    String currency = promotion.definition().currency();
    if (limits.budget() > 0 && currency == null) {
      throw Rejection.invalid("limits.budget", "A budget is an amount: the promotion needs a 'currency' for its "
          + "codes to have one").asException();
    }
    List<String> issued = new ArrayList<>(issue(promotionId, given, limits, currency, admin));
    for (int attempt = 0; issued.size() < given.size() + generate && attempt < 5; attempt++) {
      issued.addAll(issue(promotionId, CouponCodes.generate(given.size() + generate - issued.size(), prefix), limits,
          currency, admin));
    }
    if (issued.size() < given.size() + generate) {
      throw Rejection.unavailable("Could not make up " + generate + " unused codes with the prefix '" + prefix
          + "': try a longer or another prefix").asException();
    }
    ask(promotionId, replyTo -> new Promotion.RecordCodes(issued, admin, replyTo));
    return issued;
  }

  /** Asks all at once; the codes that are now the promotion's (a made-up one may be another's already). */
  private List<String> issue(
      String promotionId, List<String> codes, UseLimits limits, String currency, String admin) {
    List<CompletionStage<Coupon.Reply>> replies = codes.stream()
        .map(code -> asks.<Coupon.Command, Coupon.Reply>askLater(coupon(code),
            replyTo -> new Coupon.Issue(promotionId, admin, limits, currency, replyTo)))
        .toList();
    List<String> issued = new ArrayList<>();
    for (CompletionStage<Coupon.Reply> reply : replies) {
      if (asks.await(reply) instanceof Coupon.Issued coupon) {
        issued.add(coupon.code());
      }
    }
    return issued;
  }

  /** A promotion's codes; a 404 for a promotion that does not exist. */
  List<String> codes(String promotionId) {
    ask(promotionId, Promotion.Get::new);
    return asks.<Promotion.Command, Promotion.Codes>ask(
        sharding.entityRefFor(Promotion.ENTITY_KEY, EntityIds.require(promotionId, "promotionId")),
        Promotion.GetCodes::new).codes();
  }

  /**
   * The code in its kept form and the promotion it belongs to; a 400 for text that is no code, a 404
   * for a code that no promotion has, without a hint of codes like it.
   */
  public Coupon.Issued find(String code) {
    String normalized = Coupon.normalized(code);
    if (normalized == null) {
      throw Rejection.invalid("code", "'code' must be 3-32 letters, digits or dashes").asException();
    }
    return switch (asks.<Coupon.Command, Coupon.Reply>ask(coupon(normalized), Coupon.Find::new)) {
      case Coupon.Issued issued -> issued;
      case Coupon.Rejected rejected -> throw rejected.rejection().asException();
      case Coupon.UseAnswered answered -> throw new IllegalStateException("A use answered a look-up");
    };
  }

  /** As {@link #find}, and a 409 for a code whose own limits let no further order use it. */
  public Coupon.Issued findToEnter(String code) {
    Coupon.Issued issued = find(code);
    if (issued.usedUp()) {
      throw Rejection.conflict("The code " + issued.code() + " is used up", "USED_UP").asException();
    }
    return issued;
  }

  /**
   * Reserves the order's use of each promotion it took, and of each code it entered, against their
   * limits: empty when all are reserved; otherwise the first refusal, naming the limit, and none of
   * them is held.
   */
  public CompletionStage<Optional<Rejection>> reserveUses(String orderId, String email, List<Redemption> taken) {
    List<CompletableFuture<Rejection>> replies = new ArrayList<>();
    for (Redemption redemption : taken) {
      replies.add(asks.<Promotion.Command, Promotion.Reply>askLater(promotion(redemption.promotionId()),
              replyTo -> new Promotion.ReserveUse(orderId, email, redemption.amount(), replyTo))
          .toCompletableFuture()
          .handle((answer, silent) -> answer instanceof Promotion.Rejected(Rejection rejection) ? rejection
              : silent != null ? Rejection.unanswered("A promotion did not answer in time") : null));
      if (redemption.code() != null) {
        replies.add(asks.<Coupon.Command, Coupon.Reply>askLater(coupon(redemption.code()),
                replyTo -> new Coupon.ReserveUse(orderId, email, redemption.amount(), replyTo))
            .toCompletableFuture()
            .handle((answer, silent) -> answer instanceof Coupon.Rejected(Rejection rejection) ? rejection
                : silent != null ? Rejection.unanswered("A promotion code did not answer in time") : null));
      }
    }
    return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).thenApply(all -> {
      Optional<Rejection> refusal = replies.stream().map(CompletableFuture::join).filter(Objects::nonNull).findFirst();
      if (refusal.isPresent()) {
        giveBackUses(orderId, taken);
      }
      return refusal;
    });
  }

  /** The order is paid: its uses are kept. Not waited for: a use not told stays reserved, and counts as kept. */
  public void keepUses(String orderId, List<Redemption> taken) {
    for (Redemption redemption : taken) {
      promotion(redemption.promotionId()).tell(new Promotion.KeepUse(orderId, system.ignoreRef()));
      if (redemption.code() != null) {
        coupon(redemption.code()).tell(new Coupon.KeepUse(orderId, system.ignoreRef()));
      }
    }
  }

  /** The order's payment was declined or failed, or it was cancelled: its uses are given back. Not waited for. */
  public void giveBackUses(String orderId, List<Redemption> taken) {
    for (Redemption redemption : taken) {
      promotion(redemption.promotionId()).tell(new Promotion.GiveBackUse(orderId, system.ignoreRef()));
      if (redemption.code() != null) {
        coupon(redemption.code()).tell(new Coupon.GiveBackUse(orderId, system.ignoreRef()));
      }
    }
  }

  private EntityRef<Promotion.Command> promotion(String promotionId) {
    return sharding.entityRefFor(Promotion.ENTITY_KEY, promotionId);
  }

  private EntityRef<Coupon.Command> coupon(String code) {
    return sharding.entityRefFor(Coupon.ENTITY_KEY, code);
  }

  /** The promotion as its entity holds it; a 404 for one that does not exist. */
  public PromotionView get(String promotionId) {
    return ask(promotionId, Promotion.Get::new);
  }

  PromotionView ask(String promotionId, Function<ActorRef<Promotion.Reply>, Promotion.Command> command) {
    Promotion.Reply reply = asks.ask(
        sharding.entityRefFor(Promotion.ENTITY_KEY, EntityIds.require(promotionId, "promotionId")), command);
    return switch (reply) {
      case Promotion.Current current -> current.promotion();
      case Promotion.Rejected rejected -> throw rejected.rejection().asException();
      case Promotion.UseAnswered answered -> throw new IllegalStateException("A use answered an admin's request");
    };
  }
}
