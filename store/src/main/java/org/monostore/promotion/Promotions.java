package org.monostore.promotion;

import java.util.List;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
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
class Promotions implements EntityType {

  private final ClusterSharding sharding;
  private final Asks asks;
  private final Markets markets;
  private final Catalog catalog;

  Promotions(ClusterSharding sharding, Asks asks, Markets markets, Catalog catalog) {
    this.sharding = sharding;
    this.asks = asks;
    this.markets = markets;
    this.catalog = catalog;
  }

  @Override
  public void start() {
    Promotion.init(sharding);
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

  PromotionView ask(String promotionId, Function<ActorRef<Promotion.Reply>, Promotion.Command> command) {
    Promotion.Reply reply = asks.ask(
        sharding.entityRefFor(Promotion.ENTITY_KEY, EntityIds.require(promotionId, "promotionId")), command);
    return switch (reply) {
      case Promotion.Current current -> current.promotion();
      case Promotion.Rejected rejected -> throw rejected.rejection().asException();
    };
  }
}
