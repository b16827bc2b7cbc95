package org.monostore.cart;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.monostore.catalog.Sku;
import org.monostore.platform.EntityIds;
import org.monostore.platform.IdempotencyKey;
import org.monostore.platform.Rejection;
import org.monostore.promotion.Coupon;
import org.monostore.promotion.Promotions;
import org.monostore.shared.Market;
import org.monostore.shared.Markets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Carts", description = "A shopper's cart: create it, then add, change and remove lines")
@RestController
@RequestMapping("/api/carts")
class CartController {

  private final Carts carts;
  private final Markets markets;
  private final Promotions promotions;

  CartController(Carts carts, Markets markets, Promotions promotions) {
    this.carts = carts;
    this.markets = markets;
    this.promotions = promotions;
  }

  /** What a write with a key does, for the API document. */
  static final String KEYED = "With an `Idempotency-Key`, the change is made once: the same key and request again "
      + "answer the cart as it is now (header `Idempotent-Replayed: true`), the same key with another request 422.";

  @Schema(description = "Which market the cart sells in; the default market when absent")
  record CreateCartRequest(@Schema(example = "SE") String market) {}

  record AddItemRequest(
      @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{0,31}", message = "must be a SKU: upper-case letters, digits and dashes")
          @Schema(example = "BOOK-000001") String sku,
      @NotNull @Min(1) @Schema(example = "1") Integer quantity) {}

  @Schema(description = "By how much; 1 when absent")
  record QuantityStep(@Min(1) @Schema(example = "1") Integer by) {
    int orOne() {
      return by == null ? 1 : by;
    }
  }

  record CodeRequest(
      @Schema(description = "3-32 letters, digits and dashes, in any case", example = "WELCOME10",
          requiredMode = Schema.RequiredMode.REQUIRED) String code) {}

  record SetQuantityRequest(@NotNull @Min(1) @Schema(example = "3") Integer quantity) {}

  @Operation(summary = "Create a cart", description = "Returns the new cart; its id is random and unguessable.")
  @ApiResponse(responseCode = "201", description = "The new cart; its Location header names it")
  @PostMapping
  ResponseEntity<CartView> create(@Valid @RequestBody(required = false) CreateCartRequest request) {
    Market market = markets.resolve(request == null ? null : request.market());
    String id = EntityIds.newId();
    CartView cart = carts.ask(id, replyTo -> new Cart.Create(market.code(), market.currency(), replyTo));
    return ResponseEntity.created(URI.create("/api/carts/" + id)).body(cart);
  }

  @Operation(summary = "Get a cart")
  @GetMapping("/{cartId}")
  CartView get(@PathVariable String cartId) {
    return carts.ask(cartId, Cart.Get::new);
  }

  @Operation(summary = "Add a product", description = "Adding a SKU the cart has already adds to its line. "
      + KEYED)
  @PostMapping("/{cartId}/items")
  ResponseEntity<CartView> addItem(
      @PathVariable String cartId, @Valid @RequestBody AddItemRequest request,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
    return change(cartId, key, replyTo -> new Cart.AddItem(request.sku(), request.quantity(), replyTo));
  }

  @Operation(summary = "Increase a line's quantity", description = KEYED)
  @PostMapping("/{cartId}/items/{sku}/increase")
  ResponseEntity<CartView> increase(
      @PathVariable String cartId, @PathVariable String sku,
      @Valid @RequestBody(required = false) QuantityStep step,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
    int by = step == null ? 1 : step.orOne();
    return change(cartId, key, replyTo -> new Cart.IncreaseQuantity(sku(sku), by, replyTo));
  }

  @Operation(summary = "Decrease a line's quantity", description = "Decreasing to zero removes the line. " + KEYED)
  @PostMapping("/{cartId}/items/{sku}/decrease")
  ResponseEntity<CartView> decrease(
      @PathVariable String cartId, @PathVariable String sku,
      @Valid @RequestBody(required = false) QuantityStep step,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
    int by = step == null ? 1 : step.orOne();
    return change(cartId, key, replyTo -> new Cart.DecreaseQuantity(sku(sku), by, replyTo));
  }

  @Operation(summary = "Set a line's quantity", description = KEYED)
  @PutMapping("/{cartId}/items/{sku}")
  ResponseEntity<CartView> setQuantity(
      @PathVariable String cartId, @PathVariable String sku, @Valid @RequestBody SetQuantityRequest request,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
    return change(cartId, key, replyTo -> new Cart.SetQuantity(sku(sku), request.quantity(), replyTo));
  }

  @Operation(summary = "Remove a line", description = KEYED)
  @DeleteMapping("/{cartId}/items/{sku}")
  ResponseEntity<CartView> removeItem(
      @PathVariable String cartId, @PathVariable String sku,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
    return change(cartId, key, replyTo -> new Cart.RemoveItem(sku(sku), replyTo));
  }

  @Operation(summary = "Remove every line", description = KEYED)
  @DeleteMapping("/{cartId}/items")
  ResponseEntity<CartView> clear(
      @PathVariable String cartId,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
    return change(cartId, key, Cart.Clear::new);
  }

  @Operation(summary = "Enter a promotion code", description = "The code's promotion prices the cart from then on, "
      + "while its conditions hold. An unknown code is a 404 (it says nothing of codes like it); one that does not "
      + "apply to the cart now, or whose own limits are used up, is a 409 with the reason. Entering a code the cart has already answers the cart.")
  @PostMapping("/{cartId}/coupons")
  CartView enterCode(
      @PathVariable String cartId,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true) @RequestBody(required = false)
          CodeRequest request) {
    EntityIds.require(cartId, "cartId");
    Coupon.Issued coupon = promotions.findToEnter(request == null ? null : request.code());
    return carts.ask(cartId, replyTo -> new Cart.EnterCode(coupon.code(), coupon.promotionId(), replyTo));
  }

  @Operation(summary = "Remove a promotion code")
  @DeleteMapping("/{cartId}/coupons/{code}")
  CartView removeCode(@PathVariable String cartId, @PathVariable String code) {
    EntityIds.require(cartId, "cartId");
    String kept = Coupon.normalized(code);
    if (kept == null) {
      throw Rejection.invalid("code", "'code' must be 3-32 letters, digits or dashes").asException();
    }
    return carts.ask(cartId, replyTo -> new Cart.RemoveCode(kept, replyTo));
  }

  private ResponseEntity<CartView> change(
      String cartId, String key, Function<ActorRef<Cart.Reply>, Cart.Command> change) {
    Carts.Answer answer = carts.ask(cartId, IdempotencyKey.checked(key), change);
    return answered(answer, answer.cart());
  }

  /** 200 with the body; with the replay header when the answer repeats an Idempotency-Key's first outcome. */
  static <T> ResponseEntity<T> answered(Carts.Answer answer, T body) {
    return answer.replayed()
        ? ResponseEntity.ok().header(IdempotencyKey.REPLAYED, "true").body(body)
        : ResponseEntity.ok(body);
  }

  static String sku(String sku) {
    if (!Sku.isValid(sku)) {
      throw Rejection.invalid("sku", "'sku' must be 1-32 upper-case letters, digits or dashes").asException();
    }
    return sku;
  }
}
