package org.monostore.promotion;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.monostore.platform.CborSerializable;

/** A promotion as the admin API answers it. */
@Schema(name = "Promotion", description = "A promotion: its definition and whether it is live")
public record PromotionView(
    @Schema(description = "The promotion's id: random") String id,
    @Schema(description = "ACTIVE: applies where its conditions hold; PAUSED: applies nowhere until resumed; "
        + "ENDED: applies nowhere, for good") Promotion.Status status,
    PromotionDefinition definition,
    @Schema(description = "How many codes it has (a CODE promotion); GET its codes for them") int codeCount,
    @Schema(description = "Its uses or its budget ran out: it prices no cart until an order gives one back")
        boolean usedUp,
    Instant createdAt,
    @Schema(description = "When it last changed") Instant updatedAt,
    @Schema(description = "The admin who last changed it") String updatedBy)
    implements CborSerializable {}
