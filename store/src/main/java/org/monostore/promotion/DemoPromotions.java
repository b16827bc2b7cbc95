package org.monostore.promotion;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.monostore.platform.DemoData;
import org.monostore.platform.RejectedException;
import org.monostore.promotion.Offer.Stacking;
import org.monostore.promotion.Offer.Trigger;
import org.monostore.promotion.PromotionDefinition.Conditions;
import org.monostore.promotion.PromotionDefinition.Items;
import org.monostore.promotion.PromotionDefinition.Reward;
import org.monostore.promotion.PromotionDefinition.Tier;
import org.monostore.promotion.Terms.RewardKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * A few realistic promotions per market, so that a newcomer sees discounts in the first cart. Each
 * has a fixed id, and creating a promotion with the terms it has is a no-op: so they are defined on
 * the first start and never again, whichever node starts first; one an admin changed or ended stays so.
 */
@Component
class DemoPromotions implements ApplicationRunner, Ordered {

  private static final Logger log = LoggerFactory.getLogger(DemoPromotions.class);
  private static final String ADMIN = "demo data";

  /** By the name their ids are made from. */
  static final Map<String, PromotionDefinition> ALL = Map.of(
      "se-books", new PromotionDefinition("10 % off books", Trigger.AUTOMATIC, 0, Stacking.STACKABLE, null,
          in("SE", null), new Reward(RewardKind.PERCENT_OFF, BigDecimal.TEN, null, null, null, null,
              categories("Books"))),
      "se-spend", new PromotionDefinition("Spend more, save more", Trigger.AUTOMATIC, -10, Stacking.STACKABLE, "SEK",
          in("SE", null), new Reward(RewardKind.SPEND_TIERS, null, null, null, null,
              List.of(new Tier(150_000L, BigDecimal.valueOf(5)), new Tier(300_000L, BigDecimal.TEN)), null)),
      "no-toys", new PromotionDefinition("3 for 2 on toys", Trigger.AUTOMATIC, 0, Stacking.STACKABLE, null,
          in("NO", null), new Reward(RewardKind.BUY_GET, BigDecimal.valueOf(100), null, 2, 1, null,
              categories("Toys"))),
      "dk-garden", new PromotionDefinition("Free shipping on garden goods", Trigger.AUTOMATIC, 0, Stacking.STACKABLE,
          null, in("DK", categories("Garden")), new Reward(RewardKind.FREE_SHIPPING, null, null, null, null, null,
              null)),
      "fi-kitchen", new PromotionDefinition("5 € off kitchen over 40 €", Trigger.AUTOMATIC, 0, Stacking.EXCLUSIVE,
          "EUR", new Conditions(null, null, List.of("FI"), 4_000L, null, categories("Kitchen")),
          new Reward(RewardKind.AMOUNT_OFF, null, 500L, null, null, null, categories("Kitchen"))));

  private final Promotions promotions;
  private final boolean enabled;

  DemoPromotions(Promotions promotions, PromotionSettings settings) {
    this.promotions = promotions;
    this.enabled = settings.demoPromotions();
  }

  /** After the demo catalog's loader, whose categories these name. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (enabled) {
      DemoData.defineOnceReachable("promotions", this::define);
    }
  }

  /** Defines each demo promotion that is not defined yet; how many it defined or found as they are. */
  int define() {
    int defined = 0;
    for (var demo : ALL.entrySet()) {
      try {
        Terms terms = promotions.terms(demo.getValue());
        promotions.ask(idOf(demo.getKey()), replyTo -> new Promotion.Create(terms, ADMIN, replyTo));
        defined++;
      } catch (RejectedException e) {
        // Defined before and changed since by an admin (theirs stays), or of a category this catalog lacks.
        log.info("Demo promotion {} is left as it is: {}", demo.getKey(), e.getMessage());
      }
    }
    log.info("Demo promotions: {} of {} as defined", defined, ALL.size());
    return defined;
  }

  static String idOf(String name) {
    return UUID.nameUUIDFromBytes(("monostore demo promotion " + name).getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static Conditions in(String market, Items requires) {
    return new Conditions(null, null, List.of(market), null, null, requires);
  }

  private static Items categories(String category) {
    return new Items(null, List.of(category));
  }
}
