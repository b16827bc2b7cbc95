package org.monostore.promotion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.monostore.platform.CommittedEvents;
import org.monostore.platform.EventFeed;
import org.monostore.platform.ReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every promotion, held in memory on each node from the promotions' events ({@link EventFeed}), so that
 * a cart is priced without a query or an ask: evaluating the live ones is a pure function of the cart
 * ({@link PromotionEngine}). A change reaches every node within the projections' poll interval
 * ({@code monostore.projections.poll-interval}). Only the promotions of the cart's market and currency
 * that have not ended are evaluated, so an answer explains those and not the rest of the world's.
 */
@Component
public class LivePromotions implements ReadModel, PromotionsInForce {

  private static final Logger log = LoggerFactory.getLogger(LivePromotions.class);

  /** The key of the promotions of no market in particular: a market code has two letters. */
  private static final String EVERY_MARKET = "*";

  private final EventFeed feed;
  /** Written only by the feed, one event at a time. */
  private final Map<String, PromotionState> byId = new LinkedHashMap<>();
  /** Rebuilt by the feed after each change and replaced whole, so readers never lock. */
  private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Set.of());

  LivePromotions(EventFeed feed) {
    this.feed = feed;
  }

  /** The promotions as a reader sees them: all, newest first, and the live ones by market. */
  private record Snapshot(List<PromotionView> all, Map<String, List<Offer>> liveByMarket, Set<String> usedUp) {}

  @Override
  public void start() {
    feed.<Promotion.Event>follow(Promotion.ENTITY_KEY, this::apply);
  }

  private synchronized void apply(CommittedEvents.Entry<Promotion.Event> entry) {
    if (entry.event() instanceof Promotion.UseEvent) {
      // Which orders hold a use is the entity's to count; pricing needs only whether it ran out.
      return;
    }
    String promotionId = entry.entityId();
    byId.put(promotionId, byId.getOrDefault(promotionId, PromotionState.NONE).apply(entry.event()));
    snapshot = rebuilt();
  }

  private Snapshot rebuilt() {
    List<PromotionView> all = new ArrayList<>(byId.size());
    Map<String, List<Offer>> live = new HashMap<>();
    List<Offer> everyMarket = new ArrayList<>();
    Set<String> usedUp = new HashSet<>();
    for (var promotion : byId.entrySet()) {
      PromotionState state = promotion.getValue();
      all.add(state.view(promotion.getKey()));
      if (state.isRunOut()) {
        usedUp.add(promotion.getKey());
      } else if (!state.isLive()) {
        continue;
      }
      Offer offer;
      try {
        offer = state.terms().offer(promotion.getKey());
      } catch (IllegalArgumentException e) {
        // Terms are checked before they are stored; one that no longer prices is left out, not fatal.
        log.error("Promotion {} is left out: its terms do not price ({})", promotion.getKey(), e.getMessage());
        continue;
      }
      if (offer.conditions().markets().isEmpty()) {
        everyMarket.add(offer);
      }
      for (String market : offer.conditions().markets()) {
        live.computeIfAbsent(market, m -> new ArrayList<>()).add(offer);
      }
    }
    all.sort(Comparator.comparing(PromotionView::createdAt).reversed().thenComparing(PromotionView::id));
    Map<String, List<Offer>> byMarket = new HashMap<>();
    live.forEach((market, offers) -> {
      offers.addAll(everyMarket);
      byMarket.put(market, List.copyOf(offers));
    });
    byMarket.put(EVERY_MARKET, List.copyOf(everyMarket));
    return new Snapshot(List.copyOf(all), Map.copyOf(byMarket), Set.copyOf(usedUp));
  }

  /** A used-up promotion is not evaluated; it is named as used up where it would otherwise be considered. */
  @Override
  public Outcome evaluate(Basket basket) {
    Snapshot now = snapshot;
    List<Offer> offers = now.liveByMarket().getOrDefault(basket.market(),
        now.liveByMarket().getOrDefault(EVERY_MARKET, List.of()));
    if (offers.isEmpty()) {
      return NONE.evaluate(basket);
    }
    List<Offer> relevant = new ArrayList<>(offers.size());
    List<Outcome.NotApplied> usedUp = new ArrayList<>();
    for (Offer offer : offers) {
      boolean sameCurrency = offer.currency() == null || offer.currency().equals(basket.currency());
      boolean notEnded = offer.conditions().endsAt() == null || basket.at().isBefore(offer.conditions().endsAt());
      if (!sameCurrency || !notEnded) {
        continue;
      }
      if (now.usedUp().contains(offer.id())) {
        if (PromotionEngine.considered(basket, offer)) {
          usedUp.add(new Outcome.NotApplied(offer.id(), offer.name(), "used up"));
        }
      } else {
        relevant.add(offer);
      }
    }
    Outcome outcome = PromotionEngine.evaluate(basket, relevant);
    if (usedUp.isEmpty()) {
      return outcome;
    }
    List<Outcome.NotApplied> notApplied = new ArrayList<>(outcome.notApplied());
    notApplied.addAll(usedUp);
    return new Outcome(outcome.applied(), notApplied);
  }

  /** Every promotion this node knows of, newest first. */
  List<PromotionView> all() {
    return snapshot.all();
  }
}
