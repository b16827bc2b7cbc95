package org.monostore.payment;

import java.util.concurrent.CompletionStage;
import org.monostore.shared.Money;

/**
 * The port to a card payment gateway. An adapter must be idempotent by {@code key}, as real gateways
 * are: a request repeated with the same key is answered with the first request's outcome and never
 * charges twice. The store relies on that when it asks again after a timeout.
 */
public interface PaymentGateway {

  CompletionStage<Authorization> authorize(AuthorizationRequest request);

  /** Gives back what an authorization reserved (a void): for an order cancelled after it was paid. */
  CompletionStage<Release> release(ReleaseRequest request);

  record AuthorizationRequest(String key, Money amount, String method, String token) {}

  /** The gateway's answer to one authorization request. */
  sealed interface Authorization {}

  /** The amount is reserved on the card. */
  record Approved(String authorizationCode) implements Authorization {}

  /** The card issuer said no; the same card will not do. */
  record Declined(String reason, String message) implements Authorization {}

  /** The gateway could not decide; nothing is reserved. */
  record Failed(String reason, String message) implements Authorization {}

  /** {@code key} is the payment's id, as for its authorization; {@code authorizationCode} what that gave. */
  record ReleaseRequest(String key, String authorizationCode, Money amount) {}

  /** The gateway's answer to a release. */
  sealed interface Release {}

  /** Nothing is reserved on the card any more. */
  record Released() implements Release {}

  /** The gateway could not release it now; asking again later may. */
  record ReleaseFailed(String reason, String message) implements Release {}
}
