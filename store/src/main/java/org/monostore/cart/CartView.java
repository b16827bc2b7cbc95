package org.monostore.cart;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.monostore.platform.CborSerializable;
import org.monostore.pricing.Pricing;
import org.monostore.shared.Money;

/** A cart as clients see it: every line priced, and the subtotal. */
@Schema(name = "Cart", description = "A shopper's cart, priced in its market's currency")
public record CartView(
    @Schema(description = "The cart's id: random and unguessable") String id,
    @Schema(description = "The market the cart sells in", example = "SE") String market,
    @Schema(description = "OPEN: editable; LOCKED: an order's payment fixed it; CHECKED_OUT: the payment is authorized") Cart.Status status,
    @Schema(description = "The ISO 4217 currency of every amount in the cart", example = "SEK") String currency,
    @Schema(description = "The lines, in the order they were added") List<CartLine> lines,
    @Schema(description = "The sum of the line totals") Money subtotal,
    @Schema(description = "The full price calculation: lines with their VAT, discounts, VAT per rate, total") Pricing pricing,
    @Schema(description = "The order that locked or checked out the cart; null while it is open", nullable = true)
        String orderId,
    Instant createdAt,
    @Schema(description = "When the cart last changed") Instant updatedAt,
    @Schema(description = "The promotions that priced it, as pricing's discount lines show them, and those "
        + "within its reach that did not apply, with the reason") Promotions promotions,
    @Schema(description = "The promotion codes entered, in the order they were entered", example = "[\"WELCOME10\"]")
        List<String> codes,
    @Schema(description = "The lines that ask for more units than are available now, while the cart is open: "
        + "adding a payment would be refused for them (409). Empty when every line can be had")
        List<StockWarning> stockWarnings)
    implements CborSerializable {

  public CartView {
    stockWarnings = stockWarnings == null ? List.of() : stockWarnings;
  }

  /** The same cart, with these warnings about its lines. */
  CartView withStockWarnings(List<StockWarning> warnings) {
    return new CartView(id, market, status, currency, lines, subtotal, pricing, orderId, createdAt, updatedAt,
        promotions, codes, warnings);
  }

  @Schema(name = "StockWarning", description = "A line that asks for more units than are available now")
  public record StockWarning(
      @Schema(example = "BOOK-000001") String sku,
      @Schema(description = "What the line asks for", example = "3") int quantity,
      @Schema(description = "What a new order can have now", example = "1") long available,
      @Schema(example = "Only 1 of product BOOK-000001 is available: the cart asks for 3") String message) {}

  @Schema(description = "One product in the cart")
  public record CartLine(
      @Schema(example = "BOOK-000001") String sku,
      @Schema(description = "The product's name when the line last changed") String name,
      @Schema(example = "2") int quantity,
      @Schema(description = "The product's price in the cart's market when the line last changed") Money unitPrice,
      @Schema(description = "unitPrice times quantity") Money lineTotal) {}

  @Schema(name = "CartPromotions", description = "Which promotions priced the cart, and which did not apply and why")
  public record Promotions(
      @Schema(description = "In the order they applied") List<AppliedPromotion> applied,
      @Schema(description = "Promotions of the cart's market that did not apply, each with the reason: "
          + "the codes entered, and the automatic ones about goods the cart holds (or about any goods); one about "
          + "goods the cart holds none of is not named")
          List<PromotionNotApplied> notApplied) {

    public static final Promotions NONE = new Promotions(List.of(), List.of());
  }

  @Schema(name = "AppliedPromotion")
  public record AppliedPromotion(
      String promotionId,
      String name,
      @Schema(description = "The code the shopper entered for it; null for an automatic promotion", nullable = true)
          String code,
      @Schema(description = "All it took off, shipping included") Money amount) {}

  @Schema(name = "PromotionNotApplied")
  public record PromotionNotApplied(
      String promotionId,
      String name,
      @Schema(example = "needs 120.00 SEK more") String reason) {}
}
