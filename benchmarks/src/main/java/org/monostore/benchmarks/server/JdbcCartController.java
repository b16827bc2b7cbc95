package org.monostore.benchmarks.server;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * THE BASELINE'S HTTP routes, shaped like the store's cart API under /bench/jdbc-carts, so one load
 * test drives both. Only the Swedish market: the baseline is about the write path, not markets.
 */
@RestController
@RequestMapping("/bench/jdbc-carts")
class JdbcCartController {

  record AddItem(String sku, Integer quantity) {}

  record Step(Integer by) {}

  private final JdbcCarts carts;

  JdbcCartController(JdbcCarts carts) {
    this.carts = carts;
  }

  @PostMapping
  ResponseEntity<Map<String, Object>> create() {
    JdbcCarts.Cart cart = carts.create("SE", "SEK");
    return ResponseEntity.created(URI.create("/bench/jdbc-carts/" + cart.id())).body(view(cart));
  }

  @GetMapping("/{id}")
  ResponseEntity<Map<String, Object>> get(@PathVariable UUID id) {
    return answer(carts.find(id));
  }

  @PostMapping("/{id}/items")
  ResponseEntity<Map<String, Object>> add(@PathVariable UUID id, @RequestBody AddItem request) {
    return answer(carts.changeQuantity(id, request.sku(), request.quantity()));
  }

  @PostMapping("/{id}/items/{sku}/increase")
  ResponseEntity<Map<String, Object>> increase(
      @PathVariable UUID id, @PathVariable String sku, @RequestBody(required = false) Step step) {
    return answer(carts.changeQuantity(id, sku, step == null || step.by() == null ? 1 : step.by()));
  }

  @PostMapping("/{id}/items/{sku}/decrease")
  ResponseEntity<Map<String, Object>> decrease(
      @PathVariable UUID id, @PathVariable String sku, @RequestBody(required = false) Step step) {
    return answer(carts.changeQuantity(id, sku, -(step == null || step.by() == null ? 1 : step.by())));
  }

  @DeleteMapping("/{id}/items/{sku}")
  ResponseEntity<Map<String, Object>> remove(@PathVariable UUID id, @PathVariable String sku) {
    return answer(carts.remove(id, sku));
  }

  private static ResponseEntity<Map<String, Object>> answer(Optional<JdbcCarts.Cart> cart) {
    return cart.map(c -> ResponseEntity.ok(view(c))).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
  }

  private static Map<String, Object> view(JdbcCarts.Cart cart) {
    List<Map<String, Object>> lines = cart.lines().stream()
        .map(line -> Map.<String, Object>of(
            "sku", line.sku(), "name", line.name(), "quantity", line.quantity(),
            "unitPrice", money(line.unitPrice(), cart.currency()),
            "lineTotal", money(line.unitPrice() * line.quantity(), cart.currency())))
        .toList();
    long subtotal = cart.lines().stream().mapToLong(line -> line.unitPrice() * line.quantity()).sum();
    return Map.of("id", cart.id().toString(), "market", cart.market(), "status", "OPEN",
        "currency", cart.currency(), "lines", lines, "subtotal", money(subtotal, cart.currency()));
  }

  private static Map<String, Object> money(long amount, String currency) {
    return Map.of("amount", amount, "currency", currency);
  }
}
