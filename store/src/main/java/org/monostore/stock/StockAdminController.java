package org.monostore.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.monostore.platform.Rejection;
import org.monostore.shared.StorableText;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin's stock: what is on hand and reserved per product, receipts and adjustments, each naming its admin. */
@Tag(name = "Admin: stock", description = "Each product's stock: receipts, adjustments and the orders holding units")
@RestController
@RequestMapping("/api/admin/products/{sku}/stock")
class StockAdminController {

  private static final long MAX_UNITS = 1_000_000;
  private static final int MAX_TEXT = 200;

  private final Stocks stocks;

  StockAdminController(Stocks stocks) {
    this.stocks = stocks;
  }

  @Operation(summary = "Get a product's stock", description = "On hand, reserved, available and shipped, and the "
      + "orders holding units now. A product is counted from its first receipt or adjustment.")
  @GetMapping
  StockView get(@PathVariable String sku) {
    return stocks.ask(sku, Stock.Get::new);
  }

  @Schema(name = "StockReceipt", description = "Units that arrived at the warehouse")
  record Receipt(
      @Schema(description = "1 to 1,000,000", example = "100", requiredMode = Schema.RequiredMode.REQUIRED)
          Long quantity,
      @Schema(description = "Where they came from, e.g. a delivery note; at most 200 characters",
          example = "Delivery 2026-118") String note) {}

  @Operation(summary = "Receive stock", description = "Adds the units to what is on hand; the product is counted "
      + "from now on. Answers the stock after it.")
  @PostMapping("/receipts")
  StockView receive(
      @PathVariable String sku,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true) @RequestBody(required = false)
          Receipt receipt,
      Principal admin) {
    if (receipt == null || receipt.quantity() == null) {
      throw Rejection.invalid("quantity", "'quantity' is required: how many units arrived").asException();
    }
    if (receipt.quantity() < 1 || receipt.quantity() > MAX_UNITS) {
      throw Rejection.invalid("quantity", "'quantity' must be between 1 and " + MAX_UNITS).asException();
    }
    String note = text("note", receipt.note(), false);
    return stocks.ask(sku, replyTo -> new Stock.Receive(receipt.quantity(), note, admin.getName(), replyTo));
  }

  @Schema(name = "StockAdjustment", description = "A correction of what is on hand")
  record Adjustment(
      @Schema(description = "Units to add (positive) or take away (negative), not 0; -1,000,000 to 1,000,000",
          example = "-2", requiredMode = Schema.RequiredMode.REQUIRED) Long change,
      @Schema(description = "Why, e.g. \"stock count\" or \"damaged in the warehouse\"; 1 to 200 characters",
          example = "damaged in the warehouse", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {}

  @Operation(summary = "Adjust stock", description = "Changes what is on hand by a count, a loss or a find. On hand "
      + "never goes below what orders hold: a change that would is a 409 naming both. Answers the stock after it.")
  @PostMapping("/adjustments")
  StockView adjust(
      @PathVariable String sku,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true) @RequestBody(required = false)
          Adjustment adjustment,
      Principal admin) {
    if (adjustment == null || adjustment.change() == null) {
      throw Rejection.invalid("change", "'change' is required: the units to add or take away").asException();
    }
    if (adjustment.change() == 0 || Math.abs(adjustment.change()) > MAX_UNITS) {
      throw Rejection.invalid("change", "'change' must be between -" + MAX_UNITS + " and " + MAX_UNITS + ", not 0")
          .asException();
    }
    String reason = text("reason", adjustment.reason(), true);
    return stocks.ask(sku, replyTo -> new Stock.Adjust(adjustment.change(), reason, admin.getName(), replyTo));
  }

  private static String text(String field, String value, boolean required) {
    if (value == null || value.isBlank()) {
      if (required) {
        throw Rejection.invalid(field, "'" + field + "' is required").asException();
      }
      return null;
    }
    String text = value.strip();
    if (text.length() > MAX_TEXT || !StorableText.Check.isStorable(text)) {
      throw Rejection.invalid(field, "'" + field + "' must be at most " + MAX_TEXT
          + " characters of text, without control characters").asException();
    }
    return text;
  }
}
