package org.monostore.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.monostore.payment.PaymentGateway.Approved;
import org.monostore.payment.PaymentGateway.Authorization;
import org.monostore.payment.PaymentGateway.AuthorizationRequest;
import org.monostore.payment.PaymentGateway.Declined;
import org.monostore.payment.PaymentGateway.Failed;
import org.monostore.shared.Money;

/** The simulated gateway: its test tokens' outcomes, and idempotency by key as a real gateway has it. */
class SimulatedPaymentGatewayTest {

  private static final Money AMOUNT = new Money(25_000, "SEK");
  /** Long enough that a stage checked straight after the request cannot have completed yet. */
  private static final Duration SLOW_RESPONSE = Duration.ofSeconds(1);
  /** How long a test waits for an answer that is due: generous, as it bounds only a failing test. */
  private static final long PATIENCE_SECONDS = 10;

  private final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(SLOW_RESPONSE);

  static Stream<Arguments> tokens() {
    return Stream.of(
        Arguments.of("tok_approve", new Approved("SIM-000001")),
        Arguments.of("tok_decline_insufficient_funds",
            new Declined("insufficient_funds", "The card has insufficient funds")),
        Arguments.of("tok_decline_expired_card", new Declined("expired_card", "The card has expired")),
        Arguments.of("tok_gateway_error",
            new Failed("gateway_error", "The payment gateway failed to process the request")),
        Arguments.of("tok_unheard_of", new Declined("invalid_token", "The card token is not known to the gateway")),
        Arguments.of("", new Declined("invalid_token", "The card token is not known to the gateway")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokens")
  void eachTestTokenHasItsDocumentedOutcome(String token, Authorization outcome) throws Exception {
    assertThat(outcome(authorize(key(), token))).isEqualTo(outcome);
    assertThat(gateway.approvals()).isEqualTo(outcome instanceof Approved ? 1 : 0);
  }

  @Test
  void eachApprovedKeyGetsItsOwnAuthorizationCode() throws Exception {
    Authorization first = outcome(authorize(key(), "tok_approve"));
    Authorization second = outcome(authorize(key(), "tok_approve"));

    assertThat(first).isEqualTo(new Approved("SIM-000001"));
    assertThat(second).isEqualTo(new Approved("SIM-000002"));
    assertThat(gateway.approvals()).isEqualTo(2);
  }

  @Test
  void aRepeatedKeyIsAnsweredWithTheFirstOutcomeAndChargesOnce() throws Exception {
    String key = key();
    Authorization first = outcome(authorize(key, "tok_approve"));

    Authorization repeated = outcome(authorize(key, "tok_approve"));

    assertThat(repeated).isEqualTo(first);
    assertThat(gateway.approvals()).isEqualTo(1);
    assertThat(gateway.requestsFor(key)).isEqualTo(2);
  }

  @Test
  void aRepeatedKeyKeepsItsFirstOutcomeWhateverTheCardSaysNow() throws Exception {
    String key = key();
    Authorization declined = outcome(authorize(key, "tok_decline_expired_card"));

    Authorization repeated = outcome(authorize(key, "tok_approve"));

    assertThat(repeated).isEqualTo(declined).isInstanceOf(Declined.class);
    assertThat(gateway.approvals()).isZero();
  }

  @Test
  void requestsAreCountedPerKeyRepeatsIncluded() throws Exception {
    String key = key();
    String other = key();
    outcome(authorize(key, "tok_gateway_error"));
    outcome(authorize(key, "tok_gateway_error"));
    outcome(authorize(key, "tok_gateway_error"));
    outcome(authorize(other, "tok_approve"));

    assertThat(gateway.requestsFor(key)).isEqualTo(3);
    assertThat(gateway.requestsFor(other)).isEqualTo(1);
    assertThat(gateway.requestsFor(key())).as("a key never asked").isZero();
  }

  @Test
  void theTimeoutTokenIsApprovedOnlyAfterTheSlowResponseDelay() throws Exception {
    CompletableFuture<Authorization> slow = authorize(key(), "tok_timeout");

    assertThat(slow).as("a second early").isNotDone();
    assertThat(gateway.approvals()).isZero();
    assertThat(outcome(slow)).isEqualTo(new Approved("SIM-000001"));
    assertThat(gateway.approvals()).isEqualTo(1);
  }

  @Test
  void aCallerTimingOutItsStageCannotSpoilTheOutcomeForTheNextCallerWithTheKey() throws Exception {
    String key = key();
    CompletableFuture<Authorization> impatient = authorize(key, "tok_timeout").orTimeout(1, TimeUnit.MILLISECONDS);
    assertThatThrownBy(() -> outcome(impatient)).hasCauseInstanceOf(TimeoutException.class);

    CompletableFuture<Authorization> patient = authorize(key, "tok_timeout");

    assertThat(outcome(patient)).isEqualTo(new Approved("SIM-000001"));
    assertThat(gateway.approvals()).isEqualTo(1);
  }

  @Test
  void aCallerCompletingItsStageCannotChangeTheOutcomeForTheNextCallerWithTheKey() throws Exception {
    String key = key();
    CompletableFuture<Authorization> meddling = authorize(key, "tok_timeout");
    meddling.complete(new Declined("meddled", "Completed by a caller"));
    meddling.obtrudeValue(new Declined("meddled", "Completed by a caller"));

    CompletableFuture<Authorization> next = authorize(key, "tok_timeout");

    assertThat(outcome(next)).isEqualTo(new Approved("SIM-000001"));
  }

  // Helpers

  private CompletableFuture<Authorization> authorize(String key, String token) {
    return gateway.authorize(new AuthorizationRequest(key, AMOUNT, "card", token)).toCompletableFuture();
  }

  private static Authorization outcome(CompletableFuture<Authorization> stage)
      throws ExecutionException, InterruptedException, TimeoutException {
    return stage.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }
}
