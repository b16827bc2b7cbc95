package org.monostore.cart;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.monostore.platform.IdempotencyKey;
import org.monostore.platform.PageRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin's carts: the list from the read model, each cart from its entity with its timeline, and
 * the customer's line changes made on the shopper's behalf, recorded with the admin's name.
 */
@Tag(name = "Admin: carts", description = "Active carts, their history, and changes on the shopper's behalf")
@RestController
@RequestMapping("/api/admin/carts")
class CartAdminController {

  private static final String OVERRIDE = "true to change a LOCKED cart: the override is recorded";

  private final Carts carts;
  private final CartSummaries summaries;
  private final CartTimeline timeline;
  private final Markets markets;

  CartAdminController(Carts carts, CartSummaries summaries, CartTimeline timeline, Markets markets) {
    this.carts = carts;
    this.summaries = summaries;
    this.timeline = timeline;
    this.markets = markets;
  }

  @Schema(name = "AdminCart", description = "A cart with its timeline")
  record AdminCartView(@JsonUnwrapped CartView cart, List<CartTimeline.Entry> timeline) {}

  @Operation(summary = "List carts", description = "From the read model, a moment behind the carts. Active carts: "
      + "status=OPEN&status=LOCKED.")
  @GetMapping
  PageRequest.Page<CartSummaries.CartSummary> list(
      @Parameter(description = "OPEN, LOCKED or CHECKED_OUT; repeat for several; all when absent")
          @RequestParam(required = false) List<String> status,
      @Parameter(description = "A market's code, e.g. SE; every market when absent")
          @RequestParam(required = false) String market,
      @Parameter(description = "Only carts changed at or after this instant (ISO 8601)")
          @RequestParam(required = false) String changedSince,
      @Parameter(description = "Text in the cart's id or in the email of its order")
          @RequestParam(required = false) String q,
      @Parameter(description = "updatedAt, createdAt or total (within each currency, the currencies A to Z)")
          @RequestParam(defaultValue = "updatedAt") String sort,
      @Parameter(description = "asc or desc") @RequestParam(defaultValue = "desc") String direction,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    return summaries.find(PageRequest.statuses(Cart.Status.class, status), markets.filter(market),
        PageRequest.instant("changedSince", changedSince), q,
        PageRequest.of(page, size, sort, direction, CartSummaries.SORTS));
  }

  @Operation(summary = "Get a cart with its timeline")
  @GetMapping("/{cartId}")
  AdminCartView get(@PathVariable String cartId) {
    return detail(carts.ask(cartId, Cart.Get::new));
  }

  @Operation(summary = "Add a product on the shopper's behalf", description = CartController.KEYED)
  @PostMapping("/{cartId}/items")
  ResponseEntity<AdminCartView> addItem(
      @PathVariable String cartId, @Parameter(description = OVERRIDE) @RequestParam(defaultValue = "false") boolean override,
      @Valid @RequestBody CartController.AddItemRequest request, Principal admin,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
    return edit(cartId, admin, override, key, replyTo -> new Cart.AddItem(request.sku(), request.quantity(), replyTo));
  }

  @Operation(summary = "Increase a line's quantity on the shopper's behalf", description = CartController.KEYED)
  @PostMapping("/{cartId}/items/{sku}/increase")
  ResponseEntity<AdminCartView> increase(
      @PathVariable String cartId, @PathVariable String sku,
      @Parameter(description = OVERRIDE) @RequestParam(defaultValue = "false") boolean override,
      @Valid @RequestBody(required = false) CartController.QuantityStep step, Principal admin,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
    int by = step == null ? 1 : step.orOne();
    return edit(cartId, admin, override, key, replyTo -> new Cart.IncreaseQuantity(CartController.sku(sku), by, replyTo));
  }

  @Operation(summary = "Decrease a line's quantity on the shopper's behalf", description = CartController.KEYED)
  @PostMapping("/{cartId}/items/{sku}/decrease")
  ResponseEntity<AdminCartView> decrease(
      @PathVariable String cartId, @PathVariable String sku,
      @Parameter(description = OVERRIDE) @RequestParam(defaultValue = "false") boolean override,
      @Valid @RequestBody(required = false) CartController.QuantityStep step, Principal admin,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
    int by = step == null ? 1 : step.orOne();
    return edit(cartId, admin, override, key, replyTo -> new Cart.DecreaseQuantity(CartController.sku(sku), by, replyTo));
  }

  @Operation(summary = "Set a line's quantity on the shopper's behalf", description = CartController.KEYED)
  @PutMapping("/{cartId}/items/{sku}")
  ResponseEntity<AdminCartView> setQuantity(
      @PathVariable String cartId, @PathVariable String sku,
      @Parameter(description = OVERRIDE) @RequestParam(defaultValue = "false") boolean override,
      @Valid @RequestBody CartController.SetQuantityRequest request, Principal admin,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
    return edit(cartId, admin, override, key,
        replyTo -> new Cart.SetQuantity(CartController.sku(sku), request.quantity(), replyTo));
  }

  @Operation(summary = "Remove a line on the shopper's behalf", description = CartController.KEYED)
  @DeleteMapping("/{cartId}/items/{sku}")
  ResponseEntity<AdminCartView> removeItem(
      @PathVariable String cartId, @PathVariable String sku,
      @Parameter(description = OVERRIDE) @RequestParam(defaultValue = "false") boolean override, Principal admin,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
    return edit(cartId, admin, override, key, replyTo -> new Cart.RemoveItem(CartController.sku(sku), replyTo));
  }

  @Operation(summary = "Remove every line on the shopper's behalf", description = CartController.KEYED)
  @DeleteMapping("/{cartId}/items")
  ResponseEntity<AdminCartView> clear(
      @PathVariable String cartId,
      @Parameter(description = OVERRIDE) @RequestParam(defaultValue = "false") boolean override, Principal admin,
      @Parameter(description = IdempotencyKey.DESCRIPTION)
          @RequestHeader(name = IdempotencyKey.HEADER, required = false) String key) {
    return edit(cartId, admin, override, key, Cart.Clear::new);
  }

  private ResponseEntity<AdminCartView> edit(String cartId, Principal admin, boolean override, String key,
      Function<ActorRef<Cart.Reply>, Cart.Command> change) {
    Carts.Answer answer = carts.ask(cartId, IdempotencyKey.checked(key),
        replyTo -> new Cart.ByAdmin(admin.getName(), override, change.apply(replyTo)));
    return CartController.answered(answer, detail(answer.cart()));
  }

  private AdminCartView detail(CartView cart) {
    return new AdminCartView(cart, timeline.of(cart.id()));
  }
}
