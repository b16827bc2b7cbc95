package org.monostore.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.monostore.platform.CborSerializable;
import org.monostore.shared.Money;

/** A payment as the payment entity answers it; the card token stays inside. */
@Schema(name = "PaymentAttempt", description = "One attempt to pay for an order")
public record PaymentView(
    @Schema(description = "The payment's id") String id,
    String orderId,
    @Schema(example = "card") String method,
    @Schema(description = "What the payment is for: the order's total when it was added") Money amount,
    @Schema(description = "INITIATED: not yet authorized; AUTHORIZING: asked, no answer yet; AUTHORIZED; DECLINED; "
        + "FAILED; PENDING: the gateway did not answer in time, authorize again to learn its outcome; RELEASED: "
        + "authorized, then given back because the order was cancelled")
        Payment.Status status,
    @Schema(description = "What the gateway said; null before it said anything", nullable = true) Outcome outcome,
    Instant createdAt,
    Instant updatedAt)
    implements CborSerializable {

  @Schema(name = "PaymentOutcome")
  public record Outcome(
      @Schema(description = "approved, insufficient_funds, expired_card, invalid_token, gateway_error; timeout or "
          + "unreachable while PENDING; released once RELEASED",
          example = "approved") String code,
      @Schema(description = "In words") String message,
      @Schema(description = "The gateway's reference of an approved authorization", nullable = true)
          String authorizationCode)
      implements CborSerializable {}
}
