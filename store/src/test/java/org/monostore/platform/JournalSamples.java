package org.monostore.platform;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.monostore.cart.Cart;
import org.monostore.cart.CartState;
import org.monostore.checkout.ContactDetails;
import org.monostore.checkout.FixedPricing;
import org.monostore.checkout.GatewayOutcome;
import org.monostore.checkout.PurchaseOrder;
import org.monostore.fulfillment.Fulfillment;
import org.monostore.fulfillment.PackedItem;
import org.monostore.promotion.Coupon;
import org.monostore.promotion.Offer;
import org.monostore.promotion.Promotion;
import org.monostore.promotion.PromotionState;
import org.monostore.promotion.Terms;
import org.monostore.promotion.UseLimits;
import org.monostore.payment.Payment;
import org.monostore.shared.Address;
import org.monostore.shared.Money;
import org.monostore.stock.Stock;
import org.monostore.stock.StockState;

/**
 * One representative of every event and snapshot the store persists, each field set, and a second one
 * where a field may be null in older rows; keyed by the name of its sample file in journal-samples/,
 * which starts with the type's stable name. {@link JournalSampleWriter} wrote the files from these, as
 * the classes were then; {@link JournalCompatibilityTest} reads the files and expects these objects, in
 * today's classes, back. A new persisted type gets its representative here, and its file from the writer.
 */
final class JournalSamples {

  private JournalSamples() {}

  static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

  static Map<String, Object> all() {
    Map<String, Object> samples = new LinkedHashMap<>();
    cart(samples);
    checkout(samples);
    payment(samples);
    fulfillment(samples);
    promotion(samples);
    stock(samples);
    return samples;
  }

  private static void stock(Map<String, Object> samples) {
    samples.put("stock.StockReceived", new Stock.StockReceived(100, "Delivery 2026-118", "admin", AT));
    samples.put("stock.StockReceived-without-a-note", new Stock.StockReceived(5, null, "admin", AT));
    samples.put("stock.StockAdjusted", new Stock.StockAdjusted(-2, "damaged in the warehouse", "admin", AT));
    samples.put("stock.StockReserved", new Stock.StockReserved("order-1", 2, AT.plusSeconds(900), AT));
    samples.put("stock.StockReserved-held-until-shipped", new Stock.StockReserved("order-1", 2, null, AT));
    samples.put("stock.ReservationReleased", new Stock.ReservationReleased("order-2", 1, Stock.Why.EXPIRED, AT));
    samples.put("stock.ReservationCommitted", new Stock.ReservationCommitted("order-1", 2, AT));
    samples.put("stock.StockState", new StockState(true, 98, 12,
        Map.of("order-1", new StockState.Reservation(2, null, AT),
            "order-3", new StockState.Reservation(1, AT.plusSeconds(900), AT))));
  }

  private static void cart(Map<String, Object> samples) {
    samples.put("cart.CartCreated", new Cart.CartCreated("SE", "SEK", AT));
    samples.put("cart.ItemAdded", new Cart.ItemAdded("BOOK-000001", "A Book", "Books", 2, 19_900, AT));
    samples.put("cart.ItemAdded-without-category", new Cart.ItemAdded("BOOK-000001", "A Book", null, 2, 19_900, AT));
    samples.put("cart.ItemQuantityChanged", new Cart.ItemQuantityChanged("BOOK-000001", 3, 19_900, AT));
    samples.put("cart.ItemRemoved", new Cart.ItemRemoved("BOOK-000001", AT));
    samples.put("cart.CartCleared", new Cart.CartCleared(AT));
    samples.put("cart.CartLocked", new Cart.CartLocked("order-1", AT));
    samples.put("cart.CartUnlocked", new Cart.CartUnlocked("order-1", AT));
    samples.put("cart.CartCheckedOut", new Cart.CartCheckedOut("order-1", AT));
    samples.put("cart.CartHeldForAuthorization", new Cart.CartHeldForAuthorization("order-1", AT));
    samples.put("cart.AuthorizationHoldEnded", new Cart.AuthorizationHoldEnded("order-1", AT));
    samples.put("cart.CartEditedByAdmin", new Cart.CartEditedByAdmin("admin", true, AT));
    samples.put("cart.RequestKeyRecorded", new Cart.RequestKeyRecorded("key-1", "order", "order-1", AT));
    samples.put("cart.RequestKeyRecorded-without-order",
        new Cart.RequestKeyRecorded("key-2", "increase BOOK-000001 by 2", null, AT));
    samples.put("cart.CartState", new CartState("SE", "SEK", Cart.Status.LOCKED,
        List.of(new Cart.Line("BOOK-000001", "A Book", "Books", 2, 19_900),
            new Cart.Line("PAN-000002", "A Pan", null, 1, 49_900)),
        "order-1", true, AT, AT.plusSeconds(5),
        List.of(new Cart.KeyedRequest("key-1", "increase BOOK-000001 by 2", null, AT),
            new Cart.KeyedRequest("key-2", "order", "order-1", AT.plusSeconds(1)))));
    samples.put("cart.CodeEntered", new Cart.CodeEntered("WELCOME10", "promotion-1", AT));
    samples.put("cart.CodeRemoved", new Cart.CodeRemoved("WELCOME10", AT));
    samples.put("cart.CartState-with-codes", new CartState("SE", "SEK", Cart.Status.OPEN,
        List.of(new Cart.Line("BOOK-000001", "A Book", "Books", 2, 19_900)), null, false, AT, AT.plusSeconds(5),
        List.of(), List.of(new Cart.EnteredCode("WELCOME10", "promotion-1"), new Cart.EnteredCode("XMAS-7", "p-2"))));
    samples.put("cart.CartState-not-created", new CartState(null, null, null, List.of(), null, false, null, null,
        List.of()));
  }

  private static void checkout(Map<String, Object> samples) {
    samples.put("checkout.OrderCreated", new PurchaseOrder.OrderCreated("cart-1", "SE", "SEK", "fulfillment-1", AT));
    samples.put("checkout.OrderCreated-without-fulfillmentId",
        new PurchaseOrder.OrderCreated("cart-1", "SE", "SEK", null, AT));
    samples.put("checkout.ContactGiven", new PurchaseOrder.ContactGiven(new ContactDetails("anna@example.com",
        "Anna Svensson", "+46 70 123 45 67", new Address("Storgatan 1", "lgh 1102", "Stockholm", "111 51", "SE"),
        new Address("Box 12", "Företaget AB", "Göteborg", "411 01", "SE")), AT));
    samples.put("checkout.ContactGiven-without-optional-fields", new PurchaseOrder.ContactGiven(new ContactDetails(
        "anna@example.com", "Anna Svensson", null, new Address("Storgatan 1", null, "Stockholm", "111 51", "SE"),
        null), AT));
    samples.put("checkout.PaymentAdded",
        new PurchaseOrder.PaymentAdded("payment-1", "card", sek(44_800), pricing(), AT));
    samples.put("checkout.PaymentRepriced", new PurchaseOrder.PaymentRepriced("payment-1", sek(44_800), pricing(), AT));
    samples.put("checkout.PaymentAdded-with-shipping-and-promotions",
        new PurchaseOrder.PaymentAdded("payment-1", "card", sek(85_720), pricingWithShippingAndPromotions(), AT));
    GatewayOutcome approved = new GatewayOutcome("approved", "Approved", "AUTH-123");
    GatewayOutcome declined = new GatewayOutcome("insufficient_funds", "Insufficient funds", null);
    samples.put("checkout.PaymentAuthorized", new PurchaseOrder.PaymentAuthorized("payment-1", approved, "key-1", AT));
    samples.put("checkout.PaymentAuthorized-without-key",
        new PurchaseOrder.PaymentAuthorized("payment-1", approved, null, AT));
    samples.put("checkout.PaymentDeclined", new PurchaseOrder.PaymentDeclined("payment-1", declined, "key-1", AT));
    samples.put("checkout.PaymentFailed", new PurchaseOrder.PaymentFailed("payment-1",
        new GatewayOutcome("gateway_error", "The gateway failed", null), null, AT));
    samples.put("checkout.PaymentPending", new PurchaseOrder.PaymentPending("payment-1",
        new GatewayOutcome("timeout", "No answer in time", null), "key-1", AT));
    samples.put("checkout.PaymentReleased", new PurchaseOrder.PaymentReleased("payment-1",
        new GatewayOutcome("released", "Released", "AUTH-123"), null, AT));
    samples.put("checkout.FulfillmentCreated", new PurchaseOrder.FulfillmentCreated("fulfillment-1", AT));
    samples.put("checkout.FulfillmentCancelled",
        new PurchaseOrder.FulfillmentCancelled("fulfillment-1", "admin", "fulfillment-2", AT));
    samples.put("checkout.OrderCancelled", new PurchaseOrder.OrderCancelled("customer", AT));
    samples.put("checkout.PaymentSettlementDue", new PurchaseOrder.PaymentSettlementDue("payment-1", AT));
    samples.put("checkout.OrderEditedByAdmin", new PurchaseOrder.OrderEditedByAdmin("admin", "contact", AT));
  }

  private static void payment(Map<String, Object> samples) {
    samples.put("payment.PaymentInitiated",
        new Payment.PaymentInitiated("order-1", sek(44_800), "card", "tok_approve", AT));
    samples.put("payment.AmountChanged", new Payment.AmountChanged(sek(39_800), AT));
    samples.put("payment.AuthorizationRequested", new Payment.AuthorizationRequested(AT));
    samples.put("payment.PaymentAuthorized", new Payment.PaymentAuthorized("AUTH-123", AT));
    samples.put("payment.PaymentDeclined",
        new Payment.PaymentDeclined("insufficient_funds", "Insufficient funds", AT));
    samples.put("payment.AuthorizationFailed", new Payment.AuthorizationFailed("gateway_error", "It failed", AT));
    samples.put("payment.AuthorizationUnanswered",
        new Payment.AuthorizationUnanswered("timeout", "No answer in time", AT));
    samples.put("payment.AuthorizationReleased", new Payment.AuthorizationReleased(AT));
  }

  private static void fulfillment(Map<String, Object> samples) {
    samples.put("fulfillment.FulfillmentCreated", new Fulfillment.FulfillmentCreated("order-1",
        List.of(new PackedItem("BOOK-000001", "A Book", 2), new PackedItem("PAN-000002", "A Pan", 1)),
        new Address("Storgatan 1", "lgh 1102", "Stockholm", "111 51", "SE"), AT));
    samples.put("fulfillment.FulfillmentCreated-without-line2", new Fulfillment.FulfillmentCreated("order-1",
        List.of(new PackedItem("BOOK-000001", "A Book", 2)),
        new Address("Storgatan 1", null, "Stockholm", "111 51", "SE"), AT));
    samples.put("fulfillment.ItemsPicked", new Fulfillment.ItemsPicked(AT));
    samples.put("fulfillment.ParcelShipped", new Fulfillment.ParcelShipped("PN123456789SE", AT));
    samples.put("fulfillment.ParcelDelivered", new Fulfillment.ParcelDelivered(AT));
    samples.put("fulfillment.FulfillmentCancelled", new Fulfillment.FulfillmentCancelled(AT));
    samples.put("fulfillment.FulfillmentEditedByAdmin", new Fulfillment.FulfillmentEditedByAdmin("admin", AT));
  }

  private static void promotion(Map<String, Object> samples) {
    Terms tiers = new Terms("Spend more, save more", Offer.Trigger.AUTOMATIC, 10, Offer.Stacking.EXCLUSIVE, "SEK",
        AT, AT.plusSeconds(86_400), List.of("SE"), 50_000, 2,
        new Terms.Scope(List.of("BOOK-000001"), List.of("Books")), Terms.RewardKind.SPEND_TIERS,
        new Terms.Scope(List.of(), List.of("Books", "Kitchen")), 0, 0, 0, 0,
        List.of(new Terms.Step(100_000, 1000), new Terms.Step(200_000, 1500)));
    Terms threeForTwo = new Terms("3 for 2 on toys", Offer.Trigger.CODE, 0, Offer.Stacking.STACKABLE, null,
        null, null, List.of(), 0, 0, null, Terms.RewardKind.BUY_GET, new Terms.Scope(List.of(), List.of("Toys")),
        10_000, 0, 2, 1, List.of());
    samples.put("promotion.PromotionCreated", new Promotion.PromotionCreated(tiers, "admin", AT));
    samples.put("promotion.PromotionCreated-open-ended", new Promotion.PromotionCreated(threeForTwo, "admin", AT));
    samples.put("promotion.TermsChanged", new Promotion.TermsChanged(tiers, "admin", AT));
    samples.put("promotion.PromotionPaused", new Promotion.PromotionPaused("admin", AT));
    samples.put("promotion.PromotionResumed", new Promotion.PromotionResumed("admin", AT));
    samples.put("promotion.PromotionEnded", new Promotion.PromotionEnded("admin", AT));
    samples.put("promotion.CodesIssued", new Promotion.CodesIssued(List.of("WELCOME10", "XMAS-7"), "admin", AT));
    samples.put("promotion.CouponIssued", new Coupon.CouponIssued("promotion-1", "admin", AT));
    samples.put("promotion.CouponIssued-with-limits",
        new Coupon.CouponIssued("promotion-1", "admin", AT, 1, 1, 50_000, "SEK"));
    samples.put("promotion.CodeUseReserved", new Coupon.CodeUseReserved("order-1", "anna@example.com", 5_000, AT));
    samples.put("promotion.CodeUseKept", new Coupon.CodeUseKept("order-1", AT));
    samples.put("promotion.CodeUseGivenBack", new Coupon.CodeUseGivenBack("order-1", AT));
    samples.put("promotion.CouponState", new Coupon.State("promotion-1", new UseLimits(100, 1, 0), "SEK",
        Map.of("order-1", new PromotionState.Use("anna@example.com", 5_000, true, null))));
    samples.put("promotion.CouponState-with-times", new Coupon.State("promotion-1", new UseLimits(100, 1, 0), "SEK",
        Map.of("order-1", new PromotionState.Use("anna@example.com", 5_000, true, AT))));
    Terms limited = new Terms("First hundred", Offer.Trigger.AUTOMATIC, 0, Offer.Stacking.STACKABLE, "SEK", null,
        null, List.of("SE"), 0, 0, null, Terms.RewardKind.AMOUNT_OFF, null, 0, 5_000, 0, 0, List.of(), 100, 1,
        500_000);
    samples.put("promotion.PromotionCreated-with-limits", new Promotion.PromotionCreated(limited, "admin", AT));
    samples.put("promotion.UseReserved", new Promotion.UseReserved("order-1", "anna@example.com", 5_000, AT));
    samples.put("promotion.UseReserved-of-a-guest", new Promotion.UseReserved("order-2", null, 5_000, AT));
    samples.put("promotion.UseKept", new Promotion.UseKept("order-1", AT));
    samples.put("promotion.UseGivenBack", new Promotion.UseGivenBack("order-1", AT));
    samples.put("promotion.PromotionUsedUp", new Promotion.PromotionUsedUp(AT));
    samples.put("promotion.UsesFreed", new Promotion.UsesFreed(AT));
    samples.put("promotion.PromotionState", new PromotionState(Promotion.Status.ACTIVE, limited, AT,
        AT.plusSeconds(5), "admin", List.of("WELCOME10"),
        Map.of("order-1", new PromotionState.Use("anna@example.com", 5_000, true, null),
            "order-2", new PromotionState.Use(null, 5_000, false, null)), true));
    samples.put("promotion.PromotionState-with-times", new PromotionState(Promotion.Status.ACTIVE, limited, AT,
        AT.plusSeconds(5), "admin", List.of("WELCOME10"),
        Map.of("order-1", new PromotionState.Use("anna@example.com", 5_000, true, AT),
            "order-2", new PromotionState.Use(null, 5_000, false, AT.plusSeconds(1))), true));
  }

  /**
   * Two books at 6% and a pan at 25%, with a discount line, as Pricing.calculate laid them out before
   * there were shipping fees and promotions.
   */
  private static FixedPricing pricing() {
    return new FixedPricing("SEK",
        List.of(new FixedPricing.Line("BOOK-000001", "A Book", "Books", 2, sek(19_900), sek(39_800), 6.0, sek(2_253)),
            new FixedPricing.Line("PAN-000002", "A Pan", "Kitchen", 1, sek(49_900), sek(49_900), 25.0, sek(9_980))),
        sek(89_700),
        List.of(new FixedPricing.DiscountLine("WELCOME", "Welcome offer", sek(44_900), 25.0, sek(8_980), null)),
        sek(44_900),
        new FixedPricing.Tax(sek(3_253), List.of(new FixedPricing.TaxRate(25.0, sek(5_000), sek(4_000), sek(1_000)),
            new FixedPricing.TaxRate(6.0, sek(39_800), sek(37_547), sek(2_253)))),
        sek(44_800), null);
  }

  /** The same goods with a 49 kr shipping fee, 10 % off the books from one promotion and free shipping from another. */
  private static FixedPricing pricingWithShippingAndPromotions() {
    return new FixedPricing("SEK",
        List.of(new FixedPricing.Line("BOOK-000001", "A Book", "Books", 2, sek(19_900), sek(39_800), 6.0, sek(2_253)),
            new FixedPricing.Line("PAN-000002", "A Pan", "Kitchen", 1, sek(49_900), sek(49_900), 25.0, sek(9_980))),
        sek(89_700),
        List.of(new FixedPricing.DiscountLine("promotion-books", "10 % off books", sek(3_980), 6.0, sek(225),
                "promotion-books"),
            new FixedPricing.DiscountLine("FREESHIP", "Free shipping", sek(4_900), 25.0, sek(980), "promotion-shipping")),
        sek(8_880),
        new FixedPricing.Tax(sek(12_008), List.of(new FixedPricing.TaxRate(25.0, sek(49_900), sek(39_920), sek(9_980)),
            new FixedPricing.TaxRate(6.0, sek(35_820), sek(33_792), sek(2_028)))),
        sek(85_720), new FixedPricing.Shipping(sek(4_900), 25.0, sek(980)));
  }

  private static Money sek(long amount) {
    return new Money(amount, "SEK");
  }
}
