package org.monostore.payment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The built-in gateway for development and tests: it charges no one, and its test tokens choose the
 * outcome. Like a real gateway it answers a repeated key with the first outcome, so it remembers every
 * key it has seen for as long as the store runs.
 *
 * <ul>
 *   <li>{@code tok_approve}: approved
 *   <li>{@code tok_decline_insufficient_funds}: declined, {@code insufficient_funds}
 *   <li>{@code tok_decline_expired_card}: declined, {@code expired_card}
 *   <li>{@code tok_gateway_error}: failed, {@code gateway_error}
 *   <li>{@code tok_timeout}: approved, but only after the slow-response delay, past the store's timeout
 *   <li>any other token: declined, {@code invalid_token}
 * </ul>
 *
 * <p>Every release succeeds: there is nothing reserved to give back.
 */
@Component
// monostore.payment.gateway chooses the gateway: "simulated", the default, is this one; a real adapter
// is a PaymentGateway bean that switches on under another value.
@ConditionalOnProperty(name = "monostore.payment.gateway", havingValue = "simulated", matchIfMissing = true)
public class SimulatedPaymentGateway implements PaymentGateway {

  private final Duration slowResponse;
  private final Map<String, CompletableFuture<Authorization>> outcomes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private final AtomicInteger approvals = new AtomicInteger();
  private final Map<String, String> releases = new ConcurrentHashMap<>();

  @Autowired
  SimulatedPaymentGateway(PaymentSettings settings) {
    this(settings.simulatedGateway().slowResponse());
  }

  SimulatedPaymentGateway(Duration slowResponse) {
    this.slowResponse = slowResponse;
  }

  @Override
  public CompletionStage<Authorization> authorize(AuthorizationRequest request) {
    requests.computeIfAbsent(request.key(), key -> new AtomicInteger()).incrementAndGet();
    // A minimal stage: no caller can complete, or time out, the outcome another caller shares.
    return outcomes.computeIfAbsent(request.key(), key -> decide(request)).minimalCompletionStage();
  }

  @Override
  public CompletionStage<Release> release(ReleaseRequest request) {
    releases.putIfAbsent(request.key(), request.authorizationCode());
    return CompletableFuture.completedFuture(new Released());
  }

  /** Whether the authorization under this key was released. */
  public boolean released(String key) {
    return releases.containsKey(key);
  }

  /** How many times the gateway was asked to authorize under this key, repeats included. */
  public int requestsFor(String key) {
    AtomicInteger count = requests.get(key);
    return count == null ? 0 : count.get();
  }

  /** How many distinct authorizations the gateway approved: what cards would be charged. */
  public int approvals() {
    return approvals.get();
  }

  private CompletableFuture<Authorization> decide(AuthorizationRequest request) {
    return switch (request.token()) {
      case "tok_approve" -> CompletableFuture.completedFuture(approve());
      case "tok_decline_insufficient_funds" -> CompletableFuture.completedFuture(
          new Declined("insufficient_funds", "The card has insufficient funds"));
      case "tok_decline_expired_card" -> CompletableFuture.completedFuture(
          new Declined("expired_card", "The card has expired"));
      case "tok_gateway_error" -> CompletableFuture.completedFuture(
          new Failed("gateway_error", "The payment gateway failed to process the request"));
      case "tok_timeout" -> CompletableFuture.supplyAsync(
          this::approve, CompletableFuture.delayedExecutor(slowResponse.toMillis(), TimeUnit.MILLISECONDS));
      default -> CompletableFuture.completedFuture(
          new Declined("invalid_token", "The card token is not known to the gateway"));
    };
  }

  private Authorization approve() {
    return new Approved("SIM-%06d".formatted(approvals.incrementAndGet()));
  }
}
