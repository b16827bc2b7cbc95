package org.monostore.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.monostore.cart.Cart.Command;
import org.monostore.cart.Cart.Event;
import org.monostore.cart.Cart.Reply;
import org.monostore.cart.CartView.CartLine;
import org.monostore.catalog.Product;
import org.monostore.catalog.ProductDetails;
import org.monostore.platform.Rejection;
import org.monostore.platform.Rejection.Reason;
import org.monostore.pricing.ShippingFees;
import org.monostore.pricing.VatRates;
import org.monostore.promotion.PromotionsInForce;
import org.monostore.shared.Money;

/**
 * The Cart entity, event sourced on the persistence testkit's in-memory journal. Every command,
 * event, reply and state is also checked to round-trip through the real serialization bindings.
 *
 * <p>A line change replies only once its price has come back as a message; the testkit's
 * {@code runCommand(replyTo -> ...)} waits for that reply, and the events it reports are all that
 * were persisted since the command was sent, so they include the follow-up message's event.
 */
class CartTest {

  private static final ProductDetails MUG = new ProductDetails(
      "MUG-000001", "Mug", "A big mug", "kitchen", true,
      Map.of("SE", new Money(12_900, "SEK"), "FI", new Money(1_190, "EUR")));
  private static final ProductDetails TEA = new ProductDetails(
      "TEA-000002", "Tea", "Green tea", "pantry", true, Map.of("SE", new Money(4_950, "SEK")));
  /** Sold in Norway only. */
  private static final ProductDetails SKI = new ProductDetails(
      "SKI-000003", "Skis", "Cross-country skis", "sport", true, Map.of("NO", new Money(249_900, "NOK")));
  /** The catalog cannot be reached for this SKU. */
  private static final String BROKEN_SKU = "ERR-000004";
  private static final RequestKeys KEYS = new RequestKeys(50, Duration.ofHours(24));
  private static final CartPricing PRICING =
      new CartPricing(new VatRates("SE:25,FI:25.5", ""), ShippingFees.FREE, PromotionsInForce.NONE);

  private static ActorTestKit actorTestKit;

  /** The test's stand-in for the catalog: product lookups answered from a map. */
  private final Map<String, ProductDetails> catalog = new ConcurrentHashMap<>();
  /** Lookups of these SKUs stay unanswered until the test completes them. */
  private final Map<String, CompletableFuture<Product.Reply>> heldLookups = new ConcurrentHashMap<>();
  private final List<String> priceLookups = new CopyOnWriteArrayList<>();

  private final String cartId = UUID.randomUUID().toString();
  private TestProbe<ClusterSharding.ShardCommand> shard;
  private EventSourcedBehaviorTestKit<Command, Event, CartState> cart;

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
  void startCart() {
    catalog.put(MUG.sku(), MUG);
    catalog.put(TEA.sku(), TEA);
    catalog.put(SKI.sku(), SKI);
    shard = actorTestKit.createTestProbe();
    cart = cartSnapshottingEvery(100);
  }

  // Creating

  @Test
  void aCartNeedsAMarketAndItsCurrencyToBeCreated() {
    var withoutCurrency = run(replyTo -> new Cart.Create("SE", null, replyTo));
    var withoutMarket = run(replyTo -> new Cart.Create(null, "SEK", replyTo));

    assertInvalid(rejection(withoutCurrency), "market");
    assertInvalid(rejection(withoutMarket), "market");
    assertThat(withoutCurrency.hasNoEvents()).isTrue();
    assertThat(withoutMarket.hasNoEvents()).isTrue();
  }

  @Test
  void aCreatedCartIsOpenEmptyAndPricedInItsMarketsCurrency() {
    var created = run(replyTo -> new Cart.Create("SE", "SEK", replyTo));

    CartView view = current(created);
    assertThat(view.id()).isEqualTo(cartId);
    assertThat(view.market()).isEqualTo("SE");
    assertThat(view.currency()).isEqualTo("SEK");
    assertThat(view.status()).isEqualTo(Cart.Status.OPEN);
    assertThat(view.lines()).isEmpty();
    assertThat(view.subtotal()).isEqualTo(new Money(0, "SEK"));
    assertThat(created.eventOfType(Cart.CartCreated.class))
        .extracting(Cart.CartCreated::market, Cart.CartCreated::currency)
        .containsExactly("SE", "SEK");

    var got = run(Cart.Get::new);
    assertThat(current(got)).isEqualTo(view);
    assertThat(got.hasNoEvents()).isTrue();
  }

  @Test
  void creatingACartThatExistsIsAConflict() {
    create();

    var again = run(replyTo -> new Cart.Create("FI", "EUR", replyTo));

    Rejection rejection = rejection(again);
    assertThat(rejection.reason()).isEqualTo(Reason.CONFLICT);
    assertThat(rejection.currentStatus()).isEqualTo("OPEN");
    assertThat(again.hasNoEvents()).isTrue();
    assertThat(cart.getState().market()).isEqualTo("SE");
  }

  static Stream<Named<Function<ActorRef<Reply>, Command>>> commandsOtherThanCreate() {
    return Stream.of(
        Named.of("Get", Cart.Get::new),
        Named.of("AddItem", replyTo -> new Cart.AddItem(MUG.sku(), 1, replyTo)),
        Named.of("IncreaseQuantity", replyTo -> new Cart.IncreaseQuantity(MUG.sku(), 1, replyTo)),
        Named.of("RemoveItem", replyTo -> new Cart.RemoveItem(MUG.sku(), replyTo)),
        Named.of("Clear", Cart.Clear::new));
  }

  @ParameterizedTest
  @MethodSource("commandsOtherThanCreate")
  void aCartNotYetCreatedAnswersNotFoundAndPassivates(Function<ActorRef<Reply>, Command> command) {
    var result = run(command);

    assertThat(rejection(result).reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(result.hasNoEvents()).isTrue();
    assertThat(result.state()).isEqualTo(CartState.NONE);
    shard.expectMessageClass(ClusterSharding.Passivate.class);
    assertThat(priceLookups).isEmpty();
  }

  // Adding items

  @Test
  void anAddedItemIsPricedFromTheProductInTheCartsMarket() {
    create();

    var added = run(replyTo -> new Cart.AddItem(MUG.sku(), 2, replyTo));

    assertThat(current(added).lines())
        .containsExactly(new CartLine(MUG.sku(), "Mug", 2, sek(12_900), sek(25_800)));
    assertThat(current(added).subtotal()).isEqualTo(sek(25_800));
    assertThat(added.events()).singleElement()
        .usingRecursiveComparison().ignoringFields("at")
        .isEqualTo(new Cart.ItemAdded(MUG.sku(), "Mug", MUG.category(), 2, 12_900, null));
    assertThat(priceLookups).containsExactly(MUG.sku());
  }

  @Test
  void aCartInAnotherMarketTakesThatMarketsPrice() {
    run(replyTo -> new Cart.Create("FI", "EUR", replyTo));

    var added = run(replyTo -> new Cart.AddItem(MUG.sku(), 3, replyTo));

    assertThat(current(added).lines())
        .containsExactly(new CartLine(MUG.sku(), "Mug", 3, eur(1_190), eur(3_570)));
    assertThat(current(added).subtotal()).isEqualTo(eur(3_570));
  }

  @Test
  void addingAnUnknownSkuIsInvalid() {
    create();

    var added = run(replyTo -> new Cart.AddItem("NOPE-000000", 1, replyTo));

    assertInvalid(rejection(added), "sku");
    assertThat(added.hasNoEvents()).isTrue();
    assertThat(cart.getState().lines()).isEmpty();
  }

  @Test
  void addingAProductNotSoldInTheCartsMarketIsInvalid() {
    create();

    var added = run(replyTo -> new Cart.AddItem(SKI.sku(), 1, replyTo));

    assertInvalid(rejection(added), "sku");
    assertThat(rejection(added).detail()).contains("SE");
    assertThat(added.hasNoEvents()).isTrue();
  }

  @Test
  void aPriceInAnotherCurrencyThanTheCartsIsNotTaken() {
    create();
    catalog.put(MUG.sku(), new ProductDetails(MUG.sku(), MUG.name(), "", "Kitchen", true, Map.of("SE", eur(1_190))));

    var added = run(replyTo -> new Cart.AddItem(MUG.sku(), 1, replyTo));

    assertInvalid(rejection(added), "sku");
    assertThat(added.hasNoEvents()).isTrue();
  }

  @Test
  void aFailedPriceLookupIsUnavailableAndChangesNothing() {
    create();

    var added = run(replyTo -> new Cart.AddItem(BROKEN_SKU, 1, replyTo));

    assertThat(rejection(added).reason()).isEqualTo(Reason.UNAVAILABLE);
    assertThat(added.hasNoEvents()).isTrue();
    assertThat(cart.getState().lines()).isEmpty();
  }

  @Test
  void addingMoreThanALineHoldsIsInvalidAndAsksNoPrice() {
    create();

    var added = run(replyTo -> new Cart.AddItem(MUG.sku(), 100, replyTo));

    assertInvalid(rejection(added), "quantity");
    assertThat(added.hasNoEvents()).isTrue();
    assertThat(priceLookups).isEmpty();
  }

  // Changing quantities

  @Test
  void increasingRepricesTheLineAtTheProductsCurrentPrice() {
    create();
    add(MUG, 1);
    catalog.put(MUG.sku(), withSwedishPrice(MUG, 11_900));

    var increased = run(replyTo -> new Cart.IncreaseQuantity(MUG.sku(), 2, replyTo));

    assertThat(increased.events()).singleElement()
        .usingRecursiveComparison().ignoringFields("at")
        .isEqualTo(new Cart.ItemQuantityChanged(MUG.sku(), 3, 11_900, null));
    assertThat(current(increased).lines())
        .containsExactly(new CartLine(MUG.sku(), "Mug", 3, sek(11_900), sek(35_700)));
  }

  @Test
  void decreasingAndSettingChangeTheLinesQuantity() {
    create();
    add(MUG, 5);

    var decreased = run(replyTo -> new Cart.DecreaseQuantity(MUG.sku(), 2, replyTo));
    assertThat(current(decreased).lines()).extracting(CartLine::quantity).containsExactly(3);

    var set = run(replyTo -> new Cart.SetQuantity(MUG.sku(), 7, replyTo));
    assertThat(current(set).lines()).extracting(CartLine::quantity).containsExactly(7);
    assertThat(set.events()).singleElement().isInstanceOf(Cart.ItemQuantityChanged.class);
  }

  @Test
  void decreasingToZeroRemovesTheLineWithoutAskingThePrice() {
    create();
    add(MUG, 2);
    add(TEA, 1);
    priceLookups.clear();

    var decreased = run(replyTo -> new Cart.DecreaseQuantity(MUG.sku(), 2, replyTo));

    assertThat(decreased.events()).singleElement().isInstanceOf(Cart.ItemRemoved.class);
    assertThat(current(decreased).lines()).extracting(CartLine::sku).containsExactly(TEA.sku());
    assertThat(priceLookups).isEmpty();
  }

  @Test
  void changingALineTheCartDoesNotHaveIsNotFoundAndAsksNoPrice() {
    create();

    var increased = run(replyTo -> new Cart.IncreaseQuantity(TEA.sku(), 1, replyTo));

    assertThat(rejection(increased).reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(increased.hasNoEvents()).isTrue();
    assertThat(priceLookups).isEmpty();
  }

  @Test
  void theRulesAreCheckedAgainWhenThePriceArrives() {
    create();
    add(MUG, 3);
    CompletableFuture<Product.Reply> price = new CompletableFuture<>();
    heldLookups.put(MUG.sku(), price);
    TestProbe<Reply> decreaser = actorTestKit.createTestProbe();

    // Allowed when sent, but the line is gone by the time its price comes back.
    cart.runCommand(new Cart.DecreaseQuantity(MUG.sku(), 1, decreaser.ref()));
    assertThat(current(run(replyTo -> new Cart.RemoveItem(MUG.sku(), replyTo))).lines()).isEmpty();
    price.complete(new Product.Found(MUG));

    assertThat(decreaser.expectMessageClass(Cart.Rejected.class).rejection().reason())
        .isEqualTo(Reason.NOT_FOUND);
    assertThat(cart.getState().lines()).isEmpty();
    assertThat(cart.persistenceTestKit().persistedInStorage(persistenceId()))
        .extracting(Object::getClass)
        .containsExactly(Cart.CartCreated.class, Cart.ItemAdded.class, Cart.ItemRemoved.class);
  }

  @Test
  void twoCopiesOfAKeyedAddInFlightTogetherAddOnceAndTheSecondIsAnsweredAsARepeat() {
    create();
    CompletableFuture<Product.Reply> price = new CompletableFuture<>();
    heldLookups.put(TEA.sku(), price);
    TestProbe<Reply> replies = actorTestKit.createTestProbe();
    TestProbe<Cart.Replayed> replays = actorTestKit.createTestProbe();

    // Neither finds the key when sent: the one whose price is handled second finds it recorded by the first.
    cart.runCommand(new Cart.Keyed("key-1", new Cart.AddItem(TEA.sku(), 2, replies.ref()), replays.ref()));
    cart.runCommand(new Cart.Keyed("key-1", new Cart.AddItem(TEA.sku(), 2, replies.ref()), replays.ref()));
    price.complete(new Product.Found(TEA));

    replies.expectMessageClass(Cart.Current.class);
    assertThat(replays.expectMessageClass(Cart.Replayed.class).cart().lines()).hasSize(1);
    replies.expectNoMessage();
    assertThat(cart.getState().lines()).containsExactly(new Cart.Line(TEA.sku(), "Tea", TEA.category(), 2, 4_950));
    List<Object> persisted = cart.persistenceTestKit().persistedInStorage(persistenceId());
    assertThat(persisted).extracting(Object::getClass)
        .containsExactly(Cart.CartCreated.class, Cart.RequestKeyRecorded.class, Cart.ItemAdded.class);
    assertThat(persisted.get(1)).as("the key, in the same write as its change")
        .isEqualTo(new Cart.RequestKeyRecorded("key-1", "add TEA-000002 × 2", null, ((Cart.ItemAdded) persisted.get(2)).at()));
  }

  @Test
  void aKeyedAdminEditAnswersAsARepeatTheSecondTime() {
    create();
    add(MUG, 1);
    TestProbe<Cart.Replayed> replays = actorTestKit.createTestProbe();
    Function<ActorRef<Reply>, Command> edit = replyTo -> new Cart.Keyed("key-1",
        new Cart.ByAdmin("admin", false, new Cart.IncreaseQuantity(MUG.sku(), 2, replyTo)), replays.ref());

    assertThat(current(run(edit)).lines().getFirst().quantity()).isEqualTo(3);
    cart.runCommand(edit.apply(actorTestKit.<Reply>createTestProbe().ref()));

    assertThat(replays.expectMessageClass(Cart.Replayed.class).cart().lines().getFirst().quantity()).isEqualTo(3);
    assertThat(cart.getState().lines().getFirst().quantity()).isEqualTo(3);
  }

  @Test
  void twoAddsOfANewProductInFlightTogetherAddUp() {
    create();
    CompletableFuture<Product.Reply> price = new CompletableFuture<>();
    heldLookups.put(TEA.sku(), price);
    TestProbe<Reply> first = actorTestKit.createTestProbe();
    TestProbe<Reply> second = actorTestKit.createTestProbe();

    // Both find no line for the product when sent; whichever price is handled second adds to the line.
    cart.runCommand(new Cart.AddItem(TEA.sku(), 2, first.ref()));
    cart.runCommand(new Cart.AddItem(TEA.sku(), 3, second.ref()));
    price.complete(new Product.Found(TEA));

    first.expectMessageClass(Cart.Current.class);
    second.expectMessageClass(Cart.Current.class);
    assertThat(cart.getState().lines()).containsExactly(new Cart.Line(TEA.sku(), "Tea", TEA.category(), 5, 4_950));
    assertThat(cart.persistenceTestKit().persistedInStorage(persistenceId()))
        .extracting(Object::getClass)
        .containsExactly(Cart.CartCreated.class, Cart.ItemAdded.class, Cart.ItemQuantityChanged.class);
  }

  // Removing and clearing

  @Test
  void removingAnItemDropsOnlyItsLine() {
    create();
    add(MUG, 1);
    add(TEA, 2);

    var removed = run(replyTo -> new Cart.RemoveItem(MUG.sku(), replyTo));

    assertThat(removed.events()).singleElement()
        .usingRecursiveComparison().ignoringFields("at")
        .isEqualTo(new Cart.ItemRemoved(MUG.sku(), null));
    assertThat(current(removed).lines()).extracting(CartLine::sku).containsExactly(TEA.sku());
    assertThat(current(removed).subtotal()).isEqualTo(sek(9_900));
  }

  @Test
  void removingALineTheCartDoesNotHaveIsNotFound() {
    create();

    var removed = run(replyTo -> new Cart.RemoveItem(MUG.sku(), replyTo));

    assertThat(rejection(removed).reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(removed.hasNoEvents()).isTrue();
  }

  @Test
  void clearingEmptiesTheCart() {
    create();
    add(MUG, 1);
    add(TEA, 2);

    var cleared = run(Cart.Clear::new);

    assertThat(cleared.events()).singleElement().isInstanceOf(Cart.CartCleared.class);
    assertThat(current(cleared).lines()).isEmpty();
    assertThat(current(cleared).subtotal()).isEqualTo(sek(0));
    assertThat(cleared.state().market()).isEqualTo("SE");
  }

  @Test
  void clearingAnEmptyCartPersistsNothing() {
    create();

    var cleared = run(Cart.Clear::new);

    assertThat(current(cleared).lines()).isEmpty();
    assertThat(cleared.hasNoEvents()).isTrue();
  }

  // Recovery

  @Test
  void aRestartedCartRecoversTheSameState() {
    create();
    add(MUG, 2);
    add(TEA, 1);
    run(replyTo -> new Cart.IncreaseQuantity(TEA.sku(), 4, replyTo));
    CartState before = cart.getState();

    CartState recovered = cart.restart().state();

    assertThat(recovered).isEqualTo(before);
    assertThat(current(run(Cart.Get::new)).lines()).extracting(CartLine::sku, CartLine::quantity)
        .containsExactly(tuple(MUG.sku(), 2), tuple(TEA.sku(), 5));
  }

  @Test
  void aRestartedCartRecoversFromItsSnapshotAndTheEventsAfterIt() {
    cart = cartSnapshottingEvery(2);
    create();
    add(MUG, 2);
    add(TEA, 1);
    run(replyTo -> new Cart.RemoveItem(MUG.sku(), replyTo));
    run(replyTo -> new Cart.IncreaseQuantity(TEA.sku(), 1, replyTo));
    CartState before = cart.getState();

    assertThat(cart.snapshotTestKit().orElseThrow().persistedInStorage(persistenceId()))
        .extracting(snapshot -> snapshot.first().sequenceNr())
        .as("snapshots are taken after events 2 and 4 of 5")
        .containsExactly(2L, 4L);
    assertThat(cart.restart().state()).isEqualTo(before);
  }

  // Helpers

  private EventSourcedBehaviorTestKit<Command, Event, CartState> cartSnapshottingEvery(int snapshotEvery) {
    return EventSourcedBehaviorTestKit.create(
        actorTestKit.system(),
        Cart.create(cartId, shard.ref(), this::price, PRICING, new Cart.Limits(99, 100), KEYS, snapshotEvery));
  }

  private CompletionStage<Product.Reply> price(String sku) {
    priceLookups.add(sku);
    CompletableFuture<Product.Reply> held = heldLookups.get(sku);
    if (held != null) {
      return held;
    }
    if (sku.equals(BROKEN_SKU)) {
      return CompletableFuture.failedFuture(new IllegalStateException("the catalog is down"));
    }
    ProductDetails product = catalog.get(sku);
    return CompletableFuture.completedFuture(product == null ? new Product.NotFound(sku) : new Product.Found(product));
  }

  private CommandResultWithReply<Command, Event, CartState, Reply> run(Function<ActorRef<Reply>, Command> command) {
    return cart.runCommand(command);
  }

  private void create() {
    current(run(replyTo -> new Cart.Create("SE", "SEK", replyTo)));
  }

  private void add(ProductDetails product, int quantity) {
    current(run(replyTo -> new Cart.AddItem(product.sku(), quantity, replyTo)));
  }

  private String persistenceId() {
    return PersistenceId.of(Cart.ENTITY_KEY.name(), cartId).id();
  }

  private static CartView current(CommandResultWithReply<Command, Event, CartState, Reply> result) {
    return result.replyOfType(Cart.Current.class).cart();
  }

  private static Rejection rejection(CommandResultWithReply<Command, Event, CartState, Reply> result) {
    return result.replyOfType(Cart.Rejected.class).rejection();
  }

  private static void assertInvalid(Rejection rejection, String field) {
    assertThat(rejection.reason()).isEqualTo(Reason.INVALID);
    assertThat(rejection.field()).isEqualTo(field);
  }

  private static ProductDetails withSwedishPrice(ProductDetails product, long amount) {
    return new ProductDetails(product.sku(), product.name(), product.description(), product.category(),
        product.inStock(), Map.of("SE", sek(amount)));
  }

  private static Money sek(long amount) {
    return new Money(amount, "SEK");
  }

  private static Money eur(long amount) {
    return new Money(amount, "EUR");
  }
}
