package org.monostore.benchmarks.server;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** THE BASELINE'S HTTP routes for stock, under /bench/jdbc-stock: receive units, reserve for an order. */
@RestController
@RequestMapping("/bench/jdbc-stock/{sku}")
class JdbcStockController {

  record Receipt(long quantity) {}

  record Reservation(UUID orderId, long quantity) {}

  private final JdbcStocks stocks;

  JdbcStockController(JdbcStocks stocks) {
    this.stocks = stocks;
  }

  @PostMapping("/receipts")
  ResponseEntity<Void> receive(@PathVariable String sku, @RequestBody Receipt receipt) {
    stocks.receive(sku, receipt.quantity());
    return ResponseEntity.ok().build();
  }

  /** 201 when reserved, 409 with what is available when not, as the store answers a payment. */
  @PostMapping("/reservations")
  ResponseEntity<Map<String, Object>> reserve(@PathVariable String sku, @RequestBody Reservation reservation) {
    long left = stocks.reserve(sku, reservation.orderId(), reservation.quantity());
    return left >= 0
        ? ResponseEntity.status(HttpStatus.CREATED).body(Map.of("sku", sku, "available", left))
        : ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("sku", sku, "available", -1 - left));
  }
}
