package org.monostore.payment;

import java.time.Instant;
import java.util.List;
import org.monostore.payment.Payment.AmountChanged;
import org.monostore.payment.Payment.AuthorizationFailed;
import org.monostore.payment.Payment.AuthorizationReleased;
import org.monostore.payment.Payment.AuthorizationRequested;
import org.monostore.payment.Payment.AuthorizationUnanswered;
import org.monostore.payment.Payment.Event;
import org.monostore.payment.Payment.GatewayAnswered;
import org.monostore.payment.Payment.PaymentAuthorized;
import org.monostore.payment.Payment.PaymentDeclined;
import org.monostore.payment.Payment.PaymentInitiated;
import org.monostore.payment.Payment.Status;
import org.monostore.platform.CborSerializable;
import org.monostore.shared.Happened;
import org.monostore.shared.Money;

/** A payment as its events left it, and the rules of its life: {@code status} is null until it is initiated. */
public record PaymentState(
    String orderId, Money amount, String method, String token, Status status, PaymentView.Outcome outcome,
    Instant createdAt, Instant updatedAt, List<Happened> history)
    implements CborSerializable {

  static final PaymentState NONE = new PaymentState(null, null, null, null, null, null, null, null, List.of());

  PaymentState apply(Event event) {
    PaymentState next = switch (event) {
      case PaymentInitiated initiated -> new PaymentState(initiated.orderId(), initiated.amount(), initiated.method(),
          initiated.token(), Status.INITIATED, null, initiated.at(), initiated.at(), history);
      case AmountChanged changed ->
          new PaymentState(orderId, changed.amount(), method, token, status, outcome, createdAt, changed.at(), history);
      case AuthorizationRequested requested -> with(Status.AUTHORIZING, null, requested.at());
      case PaymentAuthorized authorized ->
          with(Status.AUTHORIZED, new PaymentView.Outcome("approved", "Approved", authorized.authorizationCode()),
              authorized.at());
      case PaymentDeclined declined ->
          with(Status.DECLINED, new PaymentView.Outcome(declined.reason(), declined.message(), null), declined.at());
      case AuthorizationFailed failed ->
          with(Status.FAILED, new PaymentView.Outcome(failed.reason(), failed.message(), null), failed.at());
      case AuthorizationUnanswered unanswered -> with(Status.PENDING,
          new PaymentView.Outcome(unanswered.reason(), unanswered.message(), null), unanswered.at());
      case AuthorizationReleased released -> with(Status.RELEASED, new PaymentView.Outcome("released",
          "The reserved amount was given back", outcome.authorizationCode()), released.at());
    };
    return new PaymentState(next.orderId, next.amount, next.method, next.token, next.status, next.outcome, next.createdAt,
        next.updatedAt, Happened.append(history, new Happened(event.at(), nameOf(event), null, detailOf(event))));
  }

  /** What the event was about, for the order's timeline: the amount, or what the gateway said. */
  private static String detailOf(Event event) {
    return switch (event) {
      case PaymentInitiated initiated -> initiated.amount().inWords() + " by " + initiated.method();
      case AmountChanged changed -> "now " + changed.amount().inWords();
      case AuthorizationRequested requested -> null;
      case PaymentAuthorized authorized -> "code " + authorized.authorizationCode();
      case PaymentDeclined declined -> declined.message();
      case AuthorizationFailed failed -> failed.message();
      case AuthorizationUnanswered unanswered -> unanswered.message();
      case AuthorizationReleased released -> null;
    };
  }

  /** The event's name in the order's timeline. */
  private static String nameOf(Event event) {
    return switch (event) {
      case PaymentInitiated initiated -> "PaymentInitiated";
      case AmountChanged changed -> "AmountChanged";
      case AuthorizationRequested requested -> "AuthorizationRequested";
      case PaymentAuthorized authorized -> "PaymentAuthorized";
      case PaymentDeclined declined -> "PaymentDeclined";
      case AuthorizationFailed failed -> "AuthorizationFailed";
      case AuthorizationUnanswered unanswered -> "AuthorizationUnanswered";
      case AuthorizationReleased released -> "AuthorizationReleased";
    };
  }

  private PaymentState with(Status newStatus, PaymentView.Outcome newOutcome, Instant at) {
    return new PaymentState(orderId, amount, method, token, newStatus, newOutcome, createdAt, at, history);
  }

  /** The event that records the gateway's answer, or its silence. */
  static Event answered(GatewayAnswered answer, Instant at) {
    return switch (answer.authorization()) {
      case null -> new AuthorizationUnanswered(answer.reason(), answer.failure(), at);
      case PaymentGateway.Approved approved -> new PaymentAuthorized(approved.authorizationCode(), at);
      case PaymentGateway.Declined declined -> new PaymentDeclined(declined.reason(), declined.message(), at);
      case PaymentGateway.Failed failed -> new AuthorizationFailed(failed.reason(), failed.message(), at);
    };
  }

  PaymentView view(String paymentId) {
    return new PaymentView(paymentId, orderId, method, amount, status, outcome, createdAt, updatedAt);
  }
}
