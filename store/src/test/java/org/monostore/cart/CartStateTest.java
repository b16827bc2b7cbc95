package org.monostore.cart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.monostore.cart.Cart.AddItem;
import org.monostore.cart.Cart.CartCleared;
import org.monostore.cart.Cart.CartCreated;
import org.monostore.cart.Cart.DecreaseQuantity;
import org.monostore.cart.Cart.IncreaseQuantity;
import org.monostore.cart.Cart.ItemAdded;
import org.monostore.cart.Cart.ItemQuantityChanged;
import org.monostore.cart.Cart.ItemRemoved;
import org.monostore.cart.Cart.Limits;
import org.monostore.cart.Cart.Line;
import org.monostore.cart.Cart.LineChange;
import org.monostore.cart.Cart.SetQuantity;
import org.monostore.cart.Cart.Status;
import org.monostore.catalog.ProductDetails;
import org.monostore.platform.Rejection;
import org.monostore.platform.Rejection.Reason;
import org.monostore.pricing.ShippingFees;
import org.monostore.pricing.VatRates;
import org.monostore.promotion.Offer;
import org.monostore.promotion.PromotionEngine;
import org.monostore.promotion.PromotionsInForce;
import org.monostore.shared.Money;

/** The cart's rules, as pure functions of its state: no actors involved. */
class CartStateTest {

  private static final Instant CREATED = Instant.parse("2025-03-01T09:00:00Z");
  private static final Instant LATER = Instant.parse("2025-03-01T09:05:00Z");
  private static final Instant LATEST = Instant.parse("2025-03-01T09:10:00Z");

  /** At most 99 of a product per line and, to keep the tests short, at most 3 lines. */
  private static final Limits LIMITS = new Limits(99, 3);
  private static final VatRates VAT_RATES = new VatRates("SE:25,FI:25.5", "SE/Grocery:6");
  private static final CartPricing VAT = new CartPricing(VAT_RATES, ShippingFees.FREE, PromotionsInForce.NONE);

  private static final ProductDetails MUG = product("MUG-000001", "Mug");
  private static final ProductDetails TEA = product("TEA-000002", "Tea");

  private static final CartState OPEN = CartState.NONE.apply(new CartCreated("SE", "SEK", CREATED));

  // Adding

  @Test
  void addingANewSkuAddsALineAtTheGivenPrice() {
    AddItem add = new AddItem(MUG.sku(), 2, null);

    assertThat(OPEN.refuse(add, LIMITS)).isNull();
    assertThat(OPEN.quantityAfter(add)).isEqualTo(2);
    assertThat(OPEN.changed(add, MUG, 12_900, LATER))
        .isEqualTo(new ItemAdded(MUG.sku(), "Mug", "Kitchen", 2, 12_900, LATER));
  }

  @Test
  void addingAnExistingSkuAddsToItsLine() {
    CartState cart = withLine(OPEN, MUG, 2, 12_900);
    AddItem add = new AddItem(MUG.sku(), 3, null);

    assertThat(cart.refuse(add, LIMITS)).isNull();
    assertThat(cart.quantityAfter(add)).isEqualTo(5);
    assertThat(cart.changed(add, MUG, 12_900, LATER))
        .isEqualTo(new ItemQuantityChanged(MUG.sku(), 5, 12_900, LATER));
  }

  // Increasing, decreasing, setting

  @Test
  void increasingAddsToTheLineAtTheNewPrice() {
    CartState cart = withLine(OPEN, MUG, 2, 12_900);
    IncreaseQuantity increase = new IncreaseQuantity(MUG.sku(), 4, null);

    assertThat(cart.refuse(increase, LIMITS)).isNull();
    assertThat(cart.changed(increase, MUG, 11_900, LATER))
        .isEqualTo(new ItemQuantityChanged(MUG.sku(), 6, 11_900, LATER));
  }

  @Test
  void decreasingSubtractsFromTheLine() {
    CartState cart = withLine(OPEN, MUG, 5, 12_900);
    DecreaseQuantity decrease = new DecreaseQuantity(MUG.sku(), 2, null);

    assertThat(cart.refuse(decrease, LIMITS)).isNull();
    assertThat(cart.changed(decrease, MUG, 12_900, LATER))
        .isEqualTo(new ItemQuantityChanged(MUG.sku(), 3, 12_900, LATER));
  }

  @Test
  void decreasingToZeroRemovesTheLine() {
    CartState cart = withLine(OPEN, MUG, 2, 12_900);
    DecreaseQuantity decrease = new DecreaseQuantity(MUG.sku(), 2, null);

    assertThat(cart.refuse(decrease, LIMITS)).isNull();
    assertThat(cart.quantityAfter(decrease)).isZero();
    assertThat(cart.changed(decrease, MUG, 12_900, LATER)).isEqualTo(new ItemRemoved(MUG.sku(), LATER));
  }

  @Test
  void decreasingByMoreThanTheLineHasIsRefused() {
    CartState cart = withLine(OPEN, MUG, 2, 12_900);

    assertInvalid(cart.refuse(new DecreaseQuantity(MUG.sku(), 3, null), LIMITS), "by");
  }

  @Test
  void settingReplacesTheLinesQuantity() {
    CartState cart = withLine(OPEN, MUG, 7, 12_900);
    SetQuantity set = new SetQuantity(MUG.sku(), 2, null);

    assertThat(cart.refuse(set, LIMITS)).isNull();
    assertThat(cart.changed(set, MUG, 12_900, LATER))
        .isEqualTo(new ItemQuantityChanged(MUG.sku(), 2, 12_900, LATER));
  }

  static Stream<Arguments> changesToAMissingLine() {
    return Stream.of(
        Arguments.of(new IncreaseQuantity(TEA.sku(), 1, null)),
        Arguments.of(new DecreaseQuantity(TEA.sku(), 1, null)),
        Arguments.of(new SetQuantity(TEA.sku(), 1, null)));
  }

  @ParameterizedTest
  @MethodSource("changesToAMissingLine")
  void changingALineTheCartDoesNotHaveIsNotFound(LineChange change) {
    CartState cart = withLine(OPEN, MUG, 2, 12_900);

    Rejection refusal = cart.refuse(change, LIMITS);

    assertThat(refusal).isNotNull();
    assertThat(refusal.reason()).isEqualTo(Reason.NOT_FOUND);
    assertThat(refusal.detail()).contains(TEA.sku());
  }

  static Stream<Arguments> nonPositiveAmounts() {
    return Stream.of(
        Arguments.of(new AddItem(MUG.sku(), 0, null), "quantity"),
        Arguments.of(new AddItem(MUG.sku(), -1, null), "quantity"),
        Arguments.of(new SetQuantity(MUG.sku(), 0, null), "quantity"),
        Arguments.of(new SetQuantity(MUG.sku(), Integer.MIN_VALUE, null), "quantity"),
        Arguments.of(new IncreaseQuantity(MUG.sku(), 0, null), "by"),
        Arguments.of(new IncreaseQuantity(MUG.sku(), -3, null), "by"),
        Arguments.of(new DecreaseQuantity(MUG.sku(), 0, null), "by"),
        Arguments.of(new DecreaseQuantity(MUG.sku(), -1, null), "by"));
  }

  @ParameterizedTest
  @MethodSource("nonPositiveAmounts")
  void nonPositiveAmountsAreInvalidNamingTheField(LineChange change, String field) {
    CartState cart = withLine(OPEN, MUG, 2, 12_900);

    assertInvalid(cart.refuse(change, LIMITS), field);
  }

  // Limits

  @Test
  void aLineHoldsAtMostTheMaximumQuantity() {
    CartState cart = withLine(OPEN, MUG, 90, 12_900);

    assertThat(OPEN.refuse(new AddItem(MUG.sku(), 99, null), LIMITS)).isNull();
    assertInvalid(OPEN.refuse(new AddItem(MUG.sku(), 100, null), LIMITS), "quantity");
    assertThat(cart.refuse(new IncreaseQuantity(MUG.sku(), 9, null), LIMITS)).isNull();
    assertInvalid(cart.refuse(new IncreaseQuantity(MUG.sku(), 10, null), LIMITS), "by");
    assertInvalid(cart.refuse(new AddItem(MUG.sku(), 10, null), LIMITS), "quantity");
    assertThat(cart.refuse(new SetQuantity(MUG.sku(), 99, null), LIMITS)).isNull();
    assertInvalid(cart.refuse(new SetQuantity(MUG.sku(), 100, null), LIMITS), "quantity");
  }

  @Test
  void increasingByIntegerMaxValueIsRefusedInsteadOfOverflowing() {
    CartState cart = withLine(OPEN, MUG, 5, 12_900);
    IncreaseQuantity increase = new IncreaseQuantity(MUG.sku(), Integer.MAX_VALUE, null);
    AddItem add = new AddItem(MUG.sku(), Integer.MAX_VALUE, null);

    assertThat(cart.quantityAfter(increase)).isEqualTo(5L + Integer.MAX_VALUE);
    assertInvalid(cart.refuse(increase, LIMITS), "by");
    assertInvalid(cart.refuse(add, LIMITS), "quantity");
  }

  @Test
  void aCartHoldsAtMostTheMaximumNumberOfLines() {
    CartState full = withLine(withLine(withLine(OPEN, MUG, 1, 100), TEA, 1, 200), product("CUP-000003", "Cup"), 1, 300);

    assertInvalid(full.refuse(new AddItem("PEN-000004", 1, null), LIMITS), "sku");
    assertThat(full.refuse(new AddItem(MUG.sku(), 1, null), LIMITS))
        .as("adding to a line the full cart already has")
        .isNull();
    assertThat(withLine(OPEN, MUG, 1, 100).refuse(new AddItem(TEA.sku(), 1, null), LIMITS)).isNull();
  }

  // Applying events

  @Test
  void applyingCartCreatedOpensAnEmptyCartInItsMarket() {
    assertThat(OPEN).isEqualTo(new CartState("SE", "SEK", Status.OPEN, List.of(), null, false, CREATED, CREATED, List.of()));
  }

  @Test
  void applyingItemAddedAppendsALine() {
    CartState cart = OPEN.apply(new ItemAdded(MUG.sku(), "Mug", "Kitchen", 2, 12_900, LATER));

    assertThat(cart.lines()).containsExactly(new Line(MUG.sku(), "Mug", "Kitchen", 2, 12_900));
    assertThat(cart.createdAt()).isEqualTo(CREATED);
    assertThat(cart.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void applyingItemQuantityChangedChangesOnlyThatLinesQuantityAndPrice() {
    CartState cart = withLine(withLine(OPEN, MUG, 2, 12_900), TEA, 1, 4_950)
        .apply(new ItemQuantityChanged(MUG.sku(), 4, 11_900, LATEST));

    assertThat(cart.lines()).containsExactly(
        new Line(MUG.sku(), "Mug", "Kitchen", 4, 11_900),
        new Line(TEA.sku(), "Tea", "Kitchen", 1, 4_950));
    assertThat(cart.updatedAt()).isEqualTo(LATEST);
  }

  @Test
  void applyingItemRemovedDropsOnlyThatLine() {
    CartState cart = withLine(withLine(OPEN, MUG, 2, 12_900), TEA, 1, 4_950)
        .apply(new ItemRemoved(MUG.sku(), LATEST));

    assertThat(cart.lines()).containsExactly(new Line(TEA.sku(), "Tea", "Kitchen", 1, 4_950));
    assertThat(cart.updatedAt()).isEqualTo(LATEST);
  }

  @Test
  void applyingCartClearedEmptiesTheCartButKeepsItsMarketAndCreationTime() {
    CartState cart = withLine(withLine(OPEN, MUG, 2, 12_900), TEA, 1, 4_950).apply(new CartCleared(LATEST));

    assertThat(cart).isEqualTo(new CartState("SE", "SEK", Status.OPEN, List.of(), null, false, CREATED, LATEST, List.of()));
  }

  @Test
  void applyingEventsKeepsLinesInInsertionOrder() {
    ProductDetails cup = product("CUP-000003", "Cup");
    ProductDetails pen = product("PEN-000004", "Pen");
    CartState cart = withLine(withLine(withLine(OPEN, MUG, 1, 100), TEA, 1, 200), cup, 1, 300)
        .apply(new ItemQuantityChanged(MUG.sku(), 5, 100, LATEST))
        .apply(new ItemRemoved(TEA.sku(), LATEST))
        .apply(new ItemAdded(pen.sku(), "Pen", "Kitchen", 1, 400, LATEST))
        .apply(new ItemQuantityChanged(cup.sku(), 2, 300, LATEST));

    assertThat(cart.lines()).extracting(Line::sku).containsExactly(MUG.sku(), cup.sku(), pen.sku());
  }

  // The view

  @Test
  void viewPricesEveryLineAndTheSubtotalInTheCartsCurrency() {
    CartState cart = withLine(withLine(OPEN, MUG, 2, 12_900), TEA, 3, 4_950);

    CartView view = cart.view("cart-1", VAT);

    assertThat(view.lines()).containsExactly(
        new CartView.CartLine(MUG.sku(), "Mug", 2, sek(12_900), sek(25_800)),
        new CartView.CartLine(TEA.sku(), "Tea", 3, sek(4_950), sek(14_850)));
    assertThat(view.subtotal()).isEqualTo(sek(40_650));
    assertThat(view.id()).isEqualTo("cart-1");
    assertThat(view.market()).isEqualTo("SE");
    assertThat(view.currency()).isEqualTo("SEK");
    assertThat(view.status()).isEqualTo(Status.OPEN);
    assertThat(view.createdAt()).isEqualTo(CREATED);
    assertThat(view.updatedAt()).isEqualTo(LATER);
  }

  @Test
  void viewOfAnEmptyCartHasAZeroSubtotalInItsCurrency() {
    CartState finnish = CartState.NONE.apply(new CartCreated("FI", "EUR", CREATED));

    CartView view = finnish.view("cart-2", VAT);

    assertThat(view.lines()).isEmpty();
    assertThat(view.subtotal()).isEqualTo(new Money(0, "EUR"));
  }

  @Test
  void viewIsPricedByThePromotionsInForceAndSaysWhichDidNotApply() {
    Offer mugs = new Offer("p-mugs", "20 % off mugs", Offer.Trigger.AUTOMATIC, 0, Offer.Stacking.STACKABLE, null,
        null, new Offer.Reward.PercentOff(Offer.Target.skus(MUG.sku()), 2000));
    Offer bigSpend = new Offer("p-big", "100 SEK off over 1,000 SEK", Offer.Trigger.AUTOMATIC, 0,
        Offer.Stacking.STACKABLE, "SEK", new Offer.Conditions(null, null, null, 100_000, 0, null),
        new Offer.Reward.AmountOff(Offer.Target.EVERY_ITEM, 10_000));
    CartPricing withPromotions =
        new CartPricing(VAT_RATES, ShippingFees.FREE, basket -> PromotionEngine.evaluate(basket, List.of(mugs, bigSpend)));
    CartState cart = withLine(withLine(OPEN, MUG, 2, 12_900), TEA, 3, 4_950);

    CartView view = cart.view("cart-1", withPromotions);

    assertThat(view.pricing().discountTotal()).isEqualTo(sek(5_160));
    assertThat(view.pricing().total()).isEqualTo(sek(40_650 - 5_160));
    assertThat(view.subtotal()).isEqualTo(sek(40_650));
    assertThat(view.promotions().applied())
        .containsExactly(new CartView.AppliedPromotion("p-mugs", "20 % off mugs", null, sek(5_160)));
    assertThat(view.promotions().notApplied())
        .containsExactly(new CartView.PromotionNotApplied("p-big", "100 SEK off over 1,000 SEK", "needs 593.50 SEK more"));
  }

  @Test
  void viewChargesTheMarketsShippingFeeUntilTheGoodsReachItsFreeThreshold() {
    CartPricing shipping = new CartPricing(VAT_RATES,
        new ShippingFees(Map.of("SE", 4_900L), Map.of("SE", 49_900L)), PromotionsInForce.NONE);

    CartView small = withLine(OPEN, MUG, 1, 12_900).view("cart-1", shipping);
    CartView large = withLine(OPEN, MUG, 4, 12_900).view("cart-1", shipping);

    assertThat(small.pricing().shipping().fee()).isEqualTo(sek(4_900));
    assertThat(small.pricing().shipping().vat()).isEqualTo(sek(980));
    assertThat(small.pricing().total()).isEqualTo(sek(12_900 + 4_900));
    assertThat(small.pricing().tax().amount()).isEqualTo(sek(2_580 + 980));
    assertThat(large.pricing().shipping().fee()).isEqualTo(sek(0));
    assertThat(large.pricing().total()).isEqualTo(sek(51_600));
    assertThat(CartState.NONE.apply(new CartCreated("SE", "SEK", CREATED)).view("cart-2", shipping).pricing().total())
        .as("an empty cart ships nothing").isEqualTo(sek(0));
  }

  @Test
  void aFreeShippingPromotionTakesTheFeeOffAsADiscountLine() {
    Offer freeShipping = new Offer("p-ship", "Free shipping", Offer.Trigger.AUTOMATIC, 0, Offer.Stacking.STACKABLE,
        null, null, new Offer.Reward.FreeShipping());
    CartPricing pricing = new CartPricing(VAT_RATES, new ShippingFees(Map.of("SE", 4_900L), Map.of()),
        basket -> PromotionEngine.evaluate(basket, List.of(freeShipping)));

    CartView view = withLine(OPEN, MUG, 1, 12_900).view("cart-1", pricing);

    assertThat(view.pricing().shipping().fee()).isEqualTo(sek(4_900));
    assertThat(view.pricing().discountTotal()).isEqualTo(sek(4_900));
    assertThat(view.pricing().total()).isEqualTo(sek(12_900));
    assertThat(view.pricing().tax().amount()).isEqualTo(sek(2_580));
    assertThat(view.promotions().applied()).extracting(CartView.AppliedPromotion::promotionId).containsExactly("p-ship");
  }

  // Helpers

  private static CartState withLine(CartState cart, ProductDetails product, int quantity, long unitPrice) {
    return cart.apply(new ItemAdded(product.sku(), product.name(), product.category(), quantity, unitPrice, LATER));
  }

  private static ProductDetails product(String sku, String name) {
    return new ProductDetails(sku, name, "A " + name.toLowerCase(), "Kitchen", true, Map.of("SE", sek(100)));
  }

  private static Money sek(long amount) {
    return new Money(amount, "SEK");
  }

  private static void assertInvalid(Rejection refusal, String field) {
    assertThat(refusal).isNotNull();
    assertThat(refusal.reason()).isEqualTo(Reason.INVALID);
    assertThat(refusal.field()).isEqualTo(field);
  }
}
