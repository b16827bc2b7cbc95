package org.monostore.shared;

import io.swagger.v3.oas.annotations.media.Schema;
import org.monostore.platform.CborSerializable;

/** A postal address, as the order holds it for shipping and billing and the fulfilment ships to. */
@Schema(description = "A postal address")
public record Address(
    @Schema(example = "Storgatan 1") String line1,
    @Schema(description = "Optional second line", example = "lgh 1102", nullable = true) String line2,
    @Schema(example = "Stockholm") String city,
    @Schema(example = "111 51") String postalCode,
    @Schema(description = "ISO 3166-1 alpha-2 country code", example = "SE") String country)
    implements CborSerializable {}
