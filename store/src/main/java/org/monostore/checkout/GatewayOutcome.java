package org.monostore.checkout;

import org.monostore.payment.PaymentView;

/**
 * What the payment gateway said of a payment, as the order's events keep it; the API answers it as
 * {@link PaymentView.Outcome}.
 */
public record GatewayOutcome(String code, String message, String authorizationCode) {

  static GatewayOutcome of(PaymentView.Outcome outcome) {
    return outcome == null ? null : new GatewayOutcome(outcome.code(), outcome.message(), outcome.authorizationCode());
  }

  PaymentView.Outcome asOutcome() {
    return new PaymentView.Outcome(code, message, authorizationCode);
  }
}
