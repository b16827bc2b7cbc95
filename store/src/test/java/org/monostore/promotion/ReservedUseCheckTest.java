package org.monostore.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.monostore.promotion.OrderOutcomes.Outcome;
import org.monostore.promotion.PromotionState.Use;

/**
 * A use that stayed reserved, because the order's keep or give-back never arrived, is settled by the
 * order's own word: the Promotion and Coupon entities on the persistence testkit's journal, with
 * orders that answer as each test says, and a check every 100 ms of uses reserved before then.
 */
class ReservedUseCheckTest {

  private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");
  private static final Terms ONE_USE = new Terms("10 % off books", Offer.Trigger.AUTOMATIC, 0,
      Offer.Stacking.STACKABLE, "SEK", null, null, List.of("SE"), 0, 0, null, Terms.RewardKind.PERCENT_OFF,
      new Terms.Scope(List.of(), List.of("Books")), 1000, 0, 0, 0, List.of(), 1, 0, 0);

  private static ActorTestKit actorTestKit;

  /** What each order says became of it; an order not named is still paying. */
  private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
  private final AtomicInteger asked = new AtomicInteger();
  private final OrderOutcomes orders = new OrderOutcomes() {
    @Override
    public CompletionStage<Outcome> of(String orderId) {
      asked.incrementAndGet();
      return CompletableFuture.completedFuture(outcomes.getOrDefault(orderId, Outcome.PAYING));
    }
  };
  private final ReservedUseCheck check = new ReservedUseCheck(orders, Duration.ofMillis(100));
  private TestProbe<ClusterSharding.ShardCommand> shard;

  @BeforeAll
  static void startActorSystem() {
    actorTestKit = ActorTestKit.create(
        EventSourcedBehaviorTestKit.config().withFallback(ConfigFactory.parseResources("pekko/serialization.conf")));
  }

  @AfterAll
  static void stopActorSystem() {
    actorTestKit.shutdownTestKit();
  }

  @BeforeEach
  void startShard() {
    shard = actorTestKit.createTestProbe();
  }

  private EventSourcedBehaviorTestKit<Promotion.Command, Promotion.Event, PromotionState> promotionWithAUseOf(
      String orderId) {
    var promotion = EventSourcedBehaviorTestKit.<Promotion.Command, Promotion.Event, PromotionState>create(
        actorTestKit.system(), Promotion.create(UUID.randomUUID().toString(), shard.ref(), check));
    promotion.<Promotion.Reply>runCommand(replyTo -> new Promotion.Create(ONE_USE, "anna", replyTo));
    promotion.<Promotion.Reply>runCommand(
        replyTo -> new Promotion.ReserveUse(orderId, "a@example.com", 1_000, replyTo));
    assertThat(promotion.getState().usedUp()).isTrue();
    return promotion;
  }

  @Test
  void aUseWhoseOrderWasNotPaidIsGivenBackAndThePromotionPricesCartsAgain() {
    String orderId = UUID.randomUUID().toString();
    var promotion = promotionWithAUseOf(orderId);

    outcomes.put(orderId, Outcome.NOT_PAID);

    await().atMost(Duration.ofSeconds(5)).until(() -> promotion.getState().uses().isEmpty());
    assertThat(promotion.getState().usedUp()).isFalse();
  }

  @Test
  void aUseWhoseOrderWasPaidIsKept() {
    String orderId = UUID.randomUUID().toString();
    var promotion = promotionWithAUseOf(orderId);

    outcomes.put(orderId, Outcome.PAID);

    await().atMost(Duration.ofSeconds(5)).until(() -> promotion.getState().uses().get(orderId).kept());
    assertThat(promotion.getState().usedUp()).isTrue();
  }

  @Test
  void aUseWhoseOrderIsStillPayingStaysReserved() {
    String orderId = UUID.randomUUID().toString();
    var promotion = promotionWithAUseOf(orderId);

    await().atMost(Duration.ofSeconds(5)).until(() -> asked.get() >= 3);

    Use use = promotion.getState().uses().get(orderId);
    assertThat(use).isNotNull();
    assertThat(use.kept()).isFalse();
  }

  @Test
  void aCodesUseWhoseOrderWasNotPaidIsGivenBack() {
    String orderId = UUID.randomUUID().toString();
    var coupon = EventSourcedBehaviorTestKit.<Coupon.Command, Coupon.Event, Coupon.State>create(
        actorTestKit.system(), Coupon.create("XMAS-" + UUID.randomUUID().toString().substring(0, 8), shard.ref(),
            check));
    coupon.<Coupon.Reply>runCommand(replyTo -> new Coupon.Issue("p-1", "anna", new UseLimits(1, 0, 0), "SEK", replyTo));
    coupon.<Coupon.Reply>runCommand(replyTo -> new Coupon.ReserveUse(orderId, null, 1_000, replyTo));
    assertThat(coupon.getState().issued("XMAS").usedUp()).isTrue();

    outcomes.put(orderId, Outcome.NOT_PAID);

    await().atMost(Duration.ofSeconds(5)).until(() -> coupon.getState().uses().isEmpty());
  }

  @Test
  void onlyUsesReservedBeforeTheMomentAndNotKeptAreAskedAboutOldestFirst() {
    Map<String, Use> uses = Map.of(
        "kept", new Use(null, 1, true, AT.minusSeconds(300)),
        "older", new Use(null, 1, false, AT.minusSeconds(200)),
        "old", new Use(null, 1, false, AT.minusSeconds(100)),
        "before-times", new Use(null, 1, false, null),
        "new", new Use(null, 1, false, AT.plusSeconds(1)));

    assertThat(UseLimits.reservedBefore(uses, AT, 10)).extracting(Map.Entry::getKey)
        .containsExactly("before-times", "older", "old");
    assertThat(UseLimits.reservedBefore(uses, AT, 1)).extracting(Map.Entry::getKey).containsExactly("before-times");
  }

  @Test
  void anAnswerIsAboutTheReservationItWasAskedForNotANewerOne() {
    Map<String, Use> uses = Map.of("order-1", new Use(null, 1, false, AT));

    assertThat(ReservedUseCheck.answers(uses, "order-1", AT)).isTrue();
    assertThat(ReservedUseCheck.answers(uses, "order-1", AT.minusSeconds(60))).as("reserved again since").isFalse();
    assertThat(ReservedUseCheck.answers(uses, "order-2", AT)).as("given back since").isFalse();
    assertThat(ReservedUseCheck.answers(Map.of("order-1", new Use(null, 1, true, AT)), "order-1", AT))
        .as("kept since").isFalse();
  }
}
