package org.monostore.fulfillment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.monostore.platform.CborSerializable;
import org.monostore.shared.Address;

/** A fulfilment as clients and the purchase order see it. */
@Schema(name = "Fulfillment", description = "The shipping order for a paid order, on its way to the customer")
public record FulfillmentView(
    @Schema(description = "The fulfilment's id: random and unguessable") String id,
    @Schema(description = "The purchase order it ships") String orderId,
    @Schema(description = "CREATED, then PICKED, SHIPPED and DELIVERED; or CANCELLED before it was shipped")
        Fulfillment.Status status,
    @Schema(description = "What goes in the parcel, as ordered") List<Fulfillment.Item> items,
    @Schema(description = "Where the parcel goes") Address shippingAddress,
    @Schema(description = "The carrier's tracking number, once shipped", example = "JJD000390007727", nullable = true)
        String trackingNumber,
    Instant createdAt,
    @Schema(description = "When the fulfilment last changed") Instant updatedAt)
    implements CborSerializable {}
