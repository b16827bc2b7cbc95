package org.monostore.stock;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One product's stock as its entity holds it. */
@Schema(name = "Stock", description = "One product's stock, shared by every market")
public record StockView(
    @Schema(example = "BOOK-000001") String sku,
    @Schema(description = "Whether the shop counts this product's stock: from its first receipt or adjustment. "
        + "An untracked product sells as its in-stock flag says") boolean tracked,
    @Schema(description = "Units in the warehouse, the reserved ones included", example = "100") long onHand,
    @Schema(description = "Units orders hold now", example = "3") long reserved,
    @Schema(description = "Units a new order can have: on hand less reserved", example = "97") long available,
    @Schema(description = "Units shipped, all told", example = "12") long committed,
    @Schema(description = "The orders holding units now, oldest first") List<ReservationView> reservations) {

  @Schema(name = "StockReservation", description = "Units one order holds")
  public record ReservationView(
      String orderId,
      @Schema(example = "1") long quantity,
      @Schema(description = "When the units are free again unless the order's payment has gone to the gateway; "
          + "null once it has: then they are held until the parcel ships or the order lets them go", nullable = true)
          Instant until,
      Instant reservedAt) {}
}
